"use client";

import { useCallback, useEffect, useState } from "react";
import type { CommentThreadDto } from "@/lib/comments/comments";
import { callApi } from "../../ui/api";

/** The document's comment threads, refreshed every few seconds and after each action. */
export function useThreads(documentId: string) {
  const [threads, setLoaded] = useState<CommentThreadDto[]>([]);
  // a poll that brings nothing new keeps the same array, so nothing re-renders
  const setThreads = useCallback((next: CommentThreadDto[]) => setLoaded((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next)), []);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // the next check starts 5 s after the last one answered, so a slow server is not asked
    // again and again while it is still answering
    const poll = async () => {
      const res = await callApi<CommentThreadDto[]>(`/api/documents/${documentId}/comments`);
      if (!live) return;
      if (res.ok) setThreads(res.data);
      timer = setTimeout(() => void poll(), 5000);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [documentId, setThreads]);
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
