"use client";

import { useEffect, useState } from "react";
import type { ActivityDto } from "@/lib/review/listActivity";
import { callApi } from "../ui/api";

const LABELS: Record<string, (a: ActivityDto) => string> = {
  "document.created": () => "created the document",
  "document.updated": () => "edited the title or fields",
  "document.status": (a) => `moved it from ${String(a.data.from).replace("_", " ")} to ${String(a.data.to).replace("_", " ")}${a.data.override ? ` (override: ${String(a.data.override)})` : ""}${a.data.gateOverride ? `, submitting it despite ${a.data.gateProblems === "1" ? "1 problem" : a.data.gateProblems ? `${String(a.data.gateProblems)} problems` : "its problems"}: “${String(a.data.gateOverride)}”` : ""}`,
  "review.assigned": (a) => `assigned a reviewer for ${String(a.data.role)}`,
  "review.approved": (a) => `approved as ${String(a.data.role)}`,
  "review.changes_requested": (a) => `requested changes as ${String(a.data.role)}${a.data.comment ? `: “${String(a.data.comment)}”` : ""}`,
  "review.stale": (a) => `marked the ${String(a.data.role)} decision stale: its content changed`,
  "review.roles": (a) => `set the sign-off roles to ${String(a.data.roles) || "none"}${a.data.removed ? ` (removed ${String(a.data.removed)})` : ""}`,
  "document.trashed": () => "moved it to the trash",
  "document.restored": () => "restored it from the trash",
  "version.named": (a) => `named v${String(a.data.number)} “${String(a.data.label)}”`,
  "version.restored": (a) => `restored ${a.data.section ? `the section ${String(a.data.section)}` : "the whole document"} from v${String(a.data.from)} (saved as v${String(a.data.number)})`,
};

/**
 * The document's append-only activity log, newest first: loaded when its disclosure in
 * the review panel is opened, and again whenever `refreshKey` changes while it is open.
 */
export function ActivityList({ documentId, refreshKey }: { documentId: string; refreshKey: number }) {
  const [items, setItems] = useState<ActivityDto[]>([]);
  useEffect(() => {
    let live = true;
    void callApi<ActivityDto[]>(`/api/documents/${documentId}/activity`).then((res) => live && res.ok && setItems(res.data));
    return () => {
      live = false;
    };
  }, [documentId, refreshKey]);
  return (
    <ol aria-label="Activity" className="mt-2 space-y-1 text-sm">
      {items.map((a) => (
        <li key={a.id} className="text-slate-700">
          <time dateTime={a.at} className="mr-2 font-mono text-xs text-slate-500">{a.at.slice(0, 16).replace("T", " ")}</time>
          <strong>{a.actor}</strong> {(LABELS[a.kind] ?? (() => a.kind))(a)}
        </li>
      ))}
    </ol>
  );
}
