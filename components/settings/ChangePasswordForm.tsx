"use client";

import { useState } from "react";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { useApiForm } from "../ui/useApiForm";

/** Change one's password with the current one; other devices are signed out. */
export function ChangePasswordForm() {
  const [done, setDone] = useState(false);
  const { error, fields, pending, onSubmit } = useApiForm({
    send: (form) => {
      setDone(false);
      return callApi("/api/me/password", { method: "POST", body: { currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") } });
    },
    onSuccess: (_data, form) => {
      form.reset();
      setDone(true);
    },
  });

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
