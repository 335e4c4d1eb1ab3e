import { STATUS_LABELS, type DocumentStatus } from "@/lib/documents/status";

const TONES: Record<DocumentStatus, string> = {
  draft: "bg-slate-100 text-slate-700 ring-slate-300",
  in_review: "bg-amber-50 text-amber-800 ring-amber-300",
  changes_requested: "bg-orange-50 text-orange-800 ring-orange-300",
  approved: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  implemented: "bg-indigo-50 text-indigo-800 ring-indigo-300",
  withdrawn: "bg-slate-50 text-slate-500 ring-slate-200",
  superseded: "bg-slate-50 text-slate-500 ring-slate-200",
  deprecated: "bg-slate-50 text-slate-600 ring-slate-300",
  rejected: "bg-rose-50 text-rose-800 ring-rose-300",
};

export function StatusBadge({ status }: { status: DocumentStatus }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status]}`}>{STATUS_LABELS[status]}</span>;
}
