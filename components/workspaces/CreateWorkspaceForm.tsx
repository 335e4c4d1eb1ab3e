"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";

export function CreateWorkspaceForm() {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        setPending(true);
        const res = await callApi<{ slug: string }>("/api/workspaces", { method: "POST", body: { name: form.get("name") } });
        if (res.ok) return router.push(`/w/${res.data.slug}`);
        setError(res.error.error);
        setFields(res.error.fields ?? {});
        setPending(false);
      }}
    >
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Workspace name" name="name" required autoFocus errors={fields.name} />
      <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create workspace"}</Button>
    </form>
  );
}
