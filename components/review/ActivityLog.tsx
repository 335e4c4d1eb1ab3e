"use client";

import { useEffect, useState } from "react";
import type { ActivityDto } from "@/lib/review/listActivity";
import { callApi } from "../ui/api";

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
          <strong>{a.actor}</strong> {a.text}
        </li>
      ))}
    </ol>
  );
}
