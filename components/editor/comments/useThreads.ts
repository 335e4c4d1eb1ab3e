"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { CommentThreadDto } from "@/lib/comments/comments";
import { callApi } from "../../ui/api";
import { usePoll } from "../../ui/usePoll";
import { announceDocumentChanged } from "../documentChanged";

const NONE: CommentThreadDto[] = [];

/** The document's comment threads, refreshed every few seconds while shown, and after each action. */
export function useThreads(documentId: string) {
  const [threads, setLoaded] = useState<CommentThreadDto[]>();
  // a poll that brings nothing new keeps the same array, so nothing re-renders
  const setThreads = useCallback((next: CommentThreadDto[]) => setLoaded((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next)), []);
  // an open proposal counts in the submit gate as a suggestion does: one made or settled
  // (here or, seen by the poll, by someone else) has the gate checked again at once
  const proposals = threads?.filter((t) => t.proposal && !t.resolved).map((t) => t.id).join(" ");
  const seen = useRef<string>(undefined);
  useEffect(() => {
    if (proposals === undefined) return;
    if (seen.current !== undefined && seen.current !== proposals) announceDocumentChanged(documentId);
    seen.current = proposals;
  }, [documentId, proposals]);
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
  return { threads: threads ?? NONE, act };
}
