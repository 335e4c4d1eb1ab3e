"use client";

import { useRouter } from "next/navigation";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { useApiForm } from "../ui/useApiForm";

/** Chooses a new password from a mailed reset link. */
export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const { error, fields, pending, onSubmit } = useApiForm({
    send: (form) => callApi("/api/password-reset/confirm", { method: "POST", body: { token, password: String(form.get("password")) } }),
    onSuccess: () => router.push("/signin?notice=passwordReset"),
    leavesPage: true,
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <Field label="New password" name="password" type="password" autoComplete="new-password" required minLength={8} hint="At least 8 characters." errors={fields.password} autoFocus />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
