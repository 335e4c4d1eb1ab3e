"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";

export function RestoreButton({ documentId, title }: { documentId: string; title: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  return (
    <>
      {error ? <span role="alert" className="mr-2 text-xs text-red-700">{error}</span> : null}
      <Button
        variant="secondary"
        aria-label={`Restore ${title}`}
        onClick={async () => {
          const res = await callApi(`/api/documents/${documentId}/restore`, { method: "POST" });
          if (res.ok) router.refresh();
          else setError(res.error.error);
        }}
      >
        Restore
      </Button>
    </>
  );
}

export function TrashButton({ slug, documentId }: { slug: string; documentId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  return (
    <>
      {error ? <span role="alert" className="mr-2 text-xs text-red-700">{error}</span> : null}
      <Button
        variant="danger"
        className="w-full"
        onClick={async () => {
          if (!window.confirm("Move this document to the trash? You can restore it from there.")) return;
          const res = await callApi(`/api/documents/${documentId}`, { method: "DELETE" });
          if (res.ok) router.push(`/w/${slug}`);
          else setError(res.error.error);
        }}
      >
        Move to trash…
      </Button>
      <p className="mt-1 text-xs text-slate-600">Anyone who may restore it finds it in the trash.</p>
    </>
  );
}
