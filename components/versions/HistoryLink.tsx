"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { SinceSeenDto } from "@/lib/versions/seen";
import { callApi } from "../ui/api";

/** The document header's way to its history, with "what changed since you last looked" (opening the page counts as looking). */
export function HistoryLink({ documentId, historyPath }: { documentId: string; historyPath: string }) {
  const [since, setSince] = useState<SinceSeenDto>();
  useEffect(() => {
    let live = true;
    void callApi<SinceSeenDto>(`/api/documents/${documentId}/versions/seen`, { method: "POST" }).then((res) => live && res.ok && setSince(res.data));
    return () => {
      live = false;
    };
  }, [documentId]);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Link prefetch={false} href={historyPath} className="text-indigo-700 hover:underline">History</Link>
      {since?.changed && since.lastSeen ? (
        <Link prefetch={false} href={`${historyPath}?from=${since.lastSeen}&to=current`} data-testid="since-last-looked" className="rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900 hover:underline">
          Since you last looked: {since.summaryText}
        </Link>
      ) : null}
    </span>
  );
}
