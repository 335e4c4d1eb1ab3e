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
    const load = () => void callApi<CommentThreadDto[]>(`/api/documents/${documentId}/comments`).then((res) => live && res.ok && setThreads(res.data));
    load();
    const timer = setInterval(load, 5000);
    return () => {
      live = false;
      clearInterval(timer);
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
