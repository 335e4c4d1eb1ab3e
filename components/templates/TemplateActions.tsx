"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import { CreateDocumentForm } from "./CreateDocumentForm";

interface Props {
  slug: string;
  templateId: string;
  templateName: string;
  titlePattern: string;
  canCreate: boolean;
  canManage: boolean;
  editable: boolean;
}

export function TemplateActions({ slug, templateId, templateName, titlePattern, canCreate, canManage, editable }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState<string>();
  const [error, setError] = useState<string>();
  const [naming, setNaming] = useState(false);
  const createButton = useRef<HTMLButtonElement>(null);

  function stopNaming() {
    setNaming(false);
    // the button is back once React has drawn it
    requestAnimationFrame(() => createButton.current?.focus());
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
      {naming ? <CreateDocumentForm slug={slug} templateId={templateId} templateName={templateName} titlePattern={titlePattern} onCancel={stopNaming} /> : null}
      <div className="flex flex-wrap gap-2">
        {canCreate && !naming ? (
          <Button ref={createButton} onClick={() => setNaming(true)} disabled={Boolean(pending)} aria-label={`Create document from ${templateName}`}>
            Create document
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
