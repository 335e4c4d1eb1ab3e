"use client";

import { useState } from "react";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";

/** Asks for a reset link; the answer never says whether the address has an account. */
export function ForgotPasswordForm({ mail }: { mail: boolean }) {
  const [error, setError] = useState<string>();
  const [sentTo, setSentTo] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email"));
    setPending(true);
    setError(undefined);
    const res = await callApi("/api/password-reset", { method: "POST", body: { email } });
    setPending(false);
    if (!res.ok) return setError(res.error.fields?.email?.join(" ") ?? res.error.error);
    setSentTo(email);
  }

  if (!mail) {
    return <Alert tone="info">This server sends no mail, so passwords cannot be reset by mail. Ask the person who runs it for help.</Alert>;
  }
  if (sentTo) {
    return <Alert tone="success">If {sentTo} has an account, a link to reset its password is on its way. It works for an hour.</Alert>;
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Email" name="email" type="email" autoComplete="email" required autoFocus />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send reset link"}
      </Button>
    </form>
  );
}
