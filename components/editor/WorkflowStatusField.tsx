"use client";

import { useId } from "react";
import { STATUS_LABELS, type DocumentStatus } from "@/lib/documents/status";
import type { FieldDef } from "@/lib/templates/schema";
import { useLatestReview } from "../review/reviewStore";

/**
 * A template field that repeats the workflow status (`mirrorsWorkflowStatus`), shown from
 * the document's status, read-only: the review panel's latest word, else the page's.
 */
export function WorkflowStatusField({ documentId, field, status }: { documentId: string; field: FieldDef; status: DocumentStatus }) {
  const id = useId();
  const live = useLatestReview(documentId)?.status ?? status;
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">{field.label}</label>
      <input
        id={id}
        readOnly
        value={STATUS_LABELS[live]}
        aria-describedby={`${id}-note`}
        className="mt-1 block w-full rounded-md border-0 bg-slate-100 px-2 py-1.5 text-sm text-slate-800 ring-1 ring-inset ring-slate-200"
      />
      <p id={`${id}-note`} className="mt-1 text-xs text-slate-500">Follows the review workflow.</p>
    </div>
  );
}
