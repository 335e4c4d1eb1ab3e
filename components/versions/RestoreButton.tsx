"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import type { VersionDto } from "@/lib/versions/present";

/** Restores a whole version or one of its sections, then shows the new version it made. */
export function RestoreButton({ documentId, number, sectionKey, label, historyPath }: { documentId: string; number: number; sectionKey?: string; label: string; historyPath: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "ok"; text: string }>();
  async function restore() {
    setBusy(true);
    setMessage(undefined);
    const res = await callApi<VersionDto>(`/api/documents/${documentId}/versions/${number}/restore`, { method: "POST", body: sectionKey ? { sectionKey } : {} });
    setBusy(false);
    if (!res.ok) return setMessage({ tone: "error", text: res.error.error });
    setMessage({ tone: "ok", text: `Restored — saved as v${res.data.number}.` });
    router.push(`${historyPath}?v=${res.data.number}`);
    router.refresh();
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" className="px-2 py-1 text-xs" disabled={busy} onClick={() => void restore()}>{label}</Button>
      {message ? <span role={message.tone === "error" ? "alert" : "status"} className={`text-xs ${message.tone === "error" ? "text-red-700" : "text-emerald-700"}`}>{message.text}</span> : null}
    </span>
  );
}
