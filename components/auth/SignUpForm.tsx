"use client";

import { useState } from "react";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { credentialsSignIn } from "./credentialsSignIn";

interface Props {
  invite?: { token: string; email: string };
}

export function SignUpForm({ invite }: Props) {
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);
  const [checkEmail, setCheckEmail] = useState<string>();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = invite?.email ?? String(form.get("email"));
    const password = String(form.get("password"));
    setPending(true);
    setError(undefined);
    setFields({});
    const res = await callApi<{ status: "created"; workspace: { slug: string } } | { status: "checkEmail" }>("/api/signup", {
      method: "POST",
      body: { name: form.get("name"), email, password, inviteToken: invite?.token },
    });
    if (!res.ok) {
      setError(res.error.error);
      setFields(res.error.fields ?? {});
      setPending(false);
      return;
    }
    if (res.data.status === "checkEmail") {
      setCheckEmail(email);
      return;
    }
    const signedIn = await credentialsSignIn(email, password, `/w/${res.data.workspace.slug}`);
    if (signedIn.ok) window.location.assign(signedIn.url);
    else {
      setError(signedIn.error);
      setPending(false);
    }
  }

  if (checkEmail) {
    return (
      <Alert tone="success">
        Check your inbox: we sent a link to {checkEmail}. Open it within 24 hours to finish creating your account.
      </Alert>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Name" name="name" autoComplete="name" required autoFocus errors={fields.name} />
      {invite ? (
        <Field label="Email" name="email" type="email" value={invite.email} readOnly disabled hint="The address this invite was sent to." />
      ) : (
        <Field label="Email" name="email" type="email" autoComplete="email" required errors={fields.email} />
      )}
      <Field label="Password" name="password" type="password" autoComplete="new-password" required minLength={8} hint="At least 8 characters." errors={fields.password} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
