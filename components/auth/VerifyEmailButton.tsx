"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";

type Result = { kind: "verified" | "signedUp"; email: string };

/**
 * Confirms an address from a mailed link. A click, not the page load, uses the link up, so
 * mail scanners that open links do not spend it. A sign-up's link asks for the password
 * chosen at sign-up.
 */
export function VerifyEmailButton({ token, askPassword }: { token: string; askPassword: boolean }) {
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<Result>();
  const [pending, setPending] = useState(false);

  async function confirm(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = askPassword ? String(new FormData(event.currentTarget).get("password")) : undefined;
    setPending(true);
    setError(undefined);
    setFields({});
    const res = await callApi<Result>("/api/verify-email", { method: "POST", body: { token, password } });
    setPending(false);
    if (!res.ok) {
      setError(res.error.error);
      setFields(res.error.fields ?? {});
      return;
    }
    setResult(res.data);
  }

  if (result) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{result.kind === "signedUp" ? `Your account for ${result.email} is ready.` : `${result.email} is confirmed.`}</Alert>
        <Link prefetch={false} href={result.kind === "signedUp" ? "/signin" : "/"} className="inline-block text-sm font-medium text-indigo-700 hover:underline">
          {result.kind === "signedUp" ? "Sign in" : "Go to your workspaces"}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={confirm} className="space-y-4" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      {askPassword ? (
        <Field label="Password" name="password" type="password" autoComplete="current-password" required hint="The password you chose when signing up." errors={fields.password} autoFocus />
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Confirming…" : askPassword ? "Create my account" : "Confirm my email"}
      </Button>
    </form>
  );
}
