"use client";

import { diffLines } from "diff";
import { useState } from "react";
import { blockChangeWhat } from "@/lib/suggestions/blockChange";
import type { Proposal } from "@/lib/suggestions/proposal";
import { RichText } from "../../documents/RichText";

/** A proposed change as a thread shows it: a diagram's lines added and removed, or a block as it is and as it would be. */
export function ProposalView({ proposal }: { proposal: Proposal }) {
  if (proposal.kind === "diagram") return <DiagramLines before={proposal.before} after={proposal.after} />;
  const [before, after] = [proposal.before, proposal.after];
  return (
    <div role="group" aria-label="Proposed block change" className="mt-1 space-y-1 rounded bg-slate-50 p-2 text-xs">
      <p className="font-medium text-slate-700">Proposes to {blockChangeWhat(before, after, "to")}.</p>
      <div className="grid gap-2 sm:grid-cols-2">
        <div aria-label="Now" className="rounded bg-white p-1.5 ring-1 ring-red-200">
          <p className="text-[11px] font-semibold text-red-800">Now</p>
          <RichText doc={{ type: "doc", content: [before] }} className="sw-prose text-sm" />
        </div>
        <div aria-label="Proposed" className="rounded bg-white p-1.5 ring-1 ring-emerald-200">
          <p className="text-[11px] font-semibold text-emerald-800">Proposed</p>
          <RichText doc={{ type: "doc", content: [after] }} className="sw-prose text-sm" />
        </div>
      </div>
    </div>
  );
}

/** A proposed diagram change, line by line: removed lines struck in red, added ones in green. */
function DiagramLines({ before, after }: { before: string; after: string }) {
  const parts = diffLines(before.endsWith("\n") ? before : `${before}\n`, after.endsWith("\n") ? after : `${after}\n`);
  return (
    <pre aria-label="Proposed diagram change" className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs leading-5">
      {parts.flatMap((part, i) =>
        part.value.replace(/\n$/, "").split("\n").map((line, j) => {
          const key = `${i}-${j}`;
          if (part.added) return <ins key={key} className="block bg-emerald-50 text-emerald-900 no-underline">+ {line}</ins>;
          if (part.removed) return <del key={key} className="block bg-red-50 text-red-900">− {line}</del>;
          return <span key={key} className="block text-slate-600">  {line}</span>;
        }),
      )}
    </pre>
  );
}

/** An editor's "Apply to the diagram" (or "Apply the change" for a block): the answer's refusal (it changed since) is shown here. */
export function ApplyProposal({ threadId, kind, act }: { threadId: string; kind: Proposal["kind"]; act: (path: string, body: Record<string, unknown>) => Promise<string | null> }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button type="button" className="mt-1 mr-3 text-xs font-semibold text-emerald-800 hover:underline" onClick={async () => setError(await act(`/${threadId}/apply`, {}))}>
        {kind === "diagram" ? "Apply to the diagram" : "Apply the change"}
      </button>
      {error ? <p role="alert" className="text-xs text-red-700">{error}</p> : null}
    </>
  );
}
