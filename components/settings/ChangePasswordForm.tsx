"use client";

import { useState } from "react";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";

/** Change one's password with the current one; other devices are signed out. */
export function ChangePasswordForm() {
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    setPending(true);
    setError(undefined);
    setFields({});
    setDone(false);
    const res = await callApi("/api/me/password", { method: "POST", body: { currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") } });
    setPending(false);
    if (!res.ok) {
      setError(res.error.error);
      setFields(res.error.fields ?? {});
      return;
    }
    formEl.reset();
    setDone(true);
  }

  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-4" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      {done ? <Alert tone="success">Password changed. Your other devices were signed out.</Alert> : null}
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={fields.currentPassword} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required minLength={8} hint="At least 8 characters." errors={fields.newPassword} />
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
