"use client";

import { useRouter } from "next/navigation";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { useApiForm } from "../ui/useApiForm";

export function CreateWorkspaceForm() {
  const router = useRouter();
  const { error, fields, pending, onSubmit } = useApiForm({
    send: (form) => callApi<{ slug: string }>("/api/workspaces", { method: "POST", body: { name: form.get("name") } }),
    onSuccess: (data) => router.push(`/w/${data.slug}`),
    leavesPage: true,
  });
  return (
    <form className="space-y-4" noValidate onSubmit={onSubmit}>
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Workspace name" name="name" required autoFocus errors={fields.name} />
      <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create workspace"}</Button>
    </form>
  );
}
