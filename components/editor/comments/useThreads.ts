"use client";

import { useCallback, useEffect, useState } from "react";
import type { CommentThreadDto } from "@/lib/comments/comments";
import { callApi } from "../../ui/api";

/** The document's comment threads, refreshed every few seconds and after each action. */
export function useThreads(documentId: string) {
  const [threads, setThreads] = useState<CommentThreadDto[]>([]);
  useEffect(() => {
    let live = true;
    const load = () => void callApi<CommentThreadDto[]>(`/api/documents/${documentId}/comments`).then((res) => live && res.ok && setThreads(res.data));
    load();
    const timer = setInterval(load, 5000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [documentId]);
  const act = useCallback(
    async (path: string, body: Record<string, unknown>): Promise<string | null> => {
      const res = await callApi<CommentThreadDto[]>(`/api/documents/${documentId}/comments${path}`, { method: "POST", body });
      if (!res.ok) return res.error.fields ? Object.values(res.error.fields).flat().join(" ") : res.error.error;
      setThreads(res.data);
      return null;
    },
    [documentId],
  );
  return { threads, act };
}
