"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { GitConflictDto } from "@/lib/gitSync/conflicts";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";

function Side({ label, text }: { label: string; text: string | null }) {
  return (
    <div className="min-w-0">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</p>
      {text === null ? (
        <p className="mt-1 text-sm italic text-slate-600">Removed here</p>
      ) : (
        <pre className="mt-1 max-h-80 overflow-auto whitespace-pre-wrap rounded-md bg-white p-2 font-mono text-xs text-slate-800 ring-1 ring-slate-200">{text}</pre>
      )}
    </div>
  );
}

/**
 * Sections Specwright and the Git repository both changed since the last sync: each side's
 * text side by side, and (for editors) a button to keep one, section by section. Nothing was
 * overwritten; the next sync commits what is chosen.
 */
export function GitConflictsPanel({ documentId, conflicts, canResolve }: { documentId: string; conflicts: GitConflictDto[]; canResolve: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const open = conflicts.flatMap((c) => c.sections.filter((s) => !s.kept).map((s) => ({ conflict: c, section: s })));
  if (!open.length) return null;

  async function keep(conflictId: string, sectionKey: string, side: "specwright" | "repository") {
    setBusy(`${sectionKey}:${side}`);
    const res = await callApi(`/api/documents/${documentId}/git-conflicts/${conflictId}/resolve`, { method: "POST", body: { sectionKey, keep: side } });
    setBusy(undefined);
    if (!res.ok) return setError(res.error.error);
    setError(undefined);
    router.refresh();
  }

  return (
    <section aria-labelledby="git-conflicts-heading" className="space-y-3 rounded-xl bg-amber-50 p-4 ring-1 ring-amber-300">
      <h2 id="git-conflicts-heading" className="text-sm font-semibold text-amber-900">
        Git sync: {open.length} section{open.length === 1 ? "" : "s"} changed both here and in the repository
      </h2>
      <p className="text-sm text-amber-900">
        Nothing was overwritten. {canResolve ? "Keep one version of each section; the next sync commits the result." : "An editor chooses which version of each section to keep."}
      </p>
      {error ? <Alert>{error}</Alert> : null}
      <ul className="space-y-4">
        {open.map(({ conflict, section }) => (
          <li key={`${conflict.id}:${section.key}`} aria-label={`Conflict in ${section.title || "untitled section"}`} className="space-y-2">
            <h3 className="text-sm font-medium text-slate-900">{section.title || "Untitled section"}</h3>
            <div className="grid gap-3 md:grid-cols-2">
              <Side label="Specwright" text={section.specwright} />
              <Side label={`Repository (${conflict.commitSha.slice(0, 7)})`} text={section.repository} />
            </div>
            {canResolve ? (
              <div className="flex flex-wrap gap-2">
                <Button variant="ghost" disabled={Boolean(busy)} onClick={() => keep(conflict.id, section.key, "specwright")}>Keep Specwright&apos;s</Button>
                <Button variant="ghost" disabled={Boolean(busy)} onClick={() => keep(conflict.id, section.key, "repository")}>Keep the repository&apos;s</Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
