"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";

interface Props {
  slug: string;
  templateId: string;
  templateName: string;
  canCreate: boolean;
  canManage: boolean;
  editable: boolean;
}

export function TemplateActions({ slug, templateId, templateName, canCreate, canManage, editable }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState<string>();
  const [error, setError] = useState<string>();

  async function create() {
    setPending("create");
    const res = await callApi<{ id: string }>(`/api/workspaces/${slug}/documents`, { method: "POST", body: { templateId } });
    if (res.ok) return router.push(`/w/${slug}/d/${res.data.id}`);
    setError(res.error.error);
    setPending(undefined);
  }

  async function duplicate() {
    setPending("duplicate");
    const res = await callApi<{ id: string }>(`/api/workspaces/${slug}/templates/${templateId}/duplicate`, { method: "POST", body: {} });
    if (res.ok) return router.push(`/w/${slug}/templates/${res.data.id}/edit`);
    setError(res.error.error);
    setPending(undefined);
  }

  return (
    <div className="mt-4 space-y-2">
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      <div className="flex flex-wrap gap-2">
        {canCreate ? (
          <Button onClick={create} disabled={Boolean(pending)} aria-label={`Create document from ${templateName}`}>
            {pending === "create" ? "Creating…" : "Create document"}
          </Button>
        ) : null}
        {canManage ? (
          <Button variant="secondary" onClick={duplicate} disabled={Boolean(pending)} aria-label={`Duplicate ${templateName}`}>
            Duplicate
          </Button>
        ) : null}
        {canManage && editable ? (
          <Button variant="ghost" onClick={() => router.push(`/w/${slug}/templates/${templateId}/edit`)} aria-label={`Edit ${templateName}`}>
            Edit
          </Button>
        ) : null}
      </div>
    </div>
  );
}
