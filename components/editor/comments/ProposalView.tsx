"use client";

import { diffLines } from "diff";
import { useState } from "react";
import type { Proposal } from "@/lib/suggestions/proposal";

/** A proposed diagram change, line by line: removed lines struck in red, added ones in green. */
export function ProposalLines({ proposal }: { proposal: Proposal }) {
  const parts = diffLines(proposal.before.endsWith("\n") ? proposal.before : `${proposal.before}\n`, proposal.after.endsWith("\n") ? proposal.after : `${proposal.after}\n`);
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

/** An editor's "Apply to the diagram": the answer's refusal (the diagram changed since) is shown here. */
export function ApplyProposal({ threadId, act }: { threadId: string; act: (path: string, body: Record<string, unknown>) => Promise<string | null> }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button type="button" className="mt-1 mr-3 text-xs font-semibold text-emerald-800 hover:underline" onClick={async () => setError(await act(`/${threadId}/apply`, {}))}>
        Apply to the diagram
      </button>
      {error ? <p role="alert" className="text-xs text-red-700">{error}</p> : null}
    </>
  );
}
