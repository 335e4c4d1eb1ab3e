"use client";

import { useCallback, useState } from "react";
import type { CommentThreadDto } from "@/lib/comments/comments";
import { callApi } from "../../ui/api";
import { usePoll } from "../../ui/usePoll";

/** The document's comment threads, refreshed every few seconds while shown, and after each action. */
export function useThreads(documentId: string) {
  const [threads, setLoaded] = useState<CommentThreadDto[]>([]);
  // a poll that brings nothing new keeps the same array, so nothing re-renders
  const setThreads = useCallback((next: CommentThreadDto[]) => setLoaded((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next)), []);
  const load = useCallback(async () => {
    const res = await callApi<CommentThreadDto[]>(`/api/documents/${documentId}/comments`);
    if (res.ok) setThreads(res.data);
  }, [documentId, setThreads]);
  usePoll(load, 5000);
  const act = useCallback(
    async (path: string, body: Record<string, unknown>): Promise<string | null> => {
      const res = await callApi<CommentThreadDto[]>(`/api/documents/${documentId}/comments${path}`, { method: "POST", body });
      if (!res.ok) return res.error.fields ? Object.values(res.error.fields).flat().join(" ") : res.error.error;
      setThreads(res.data);
      return null;
    },
    [documentId, setThreads],
  );
  return { threads, act };
}
