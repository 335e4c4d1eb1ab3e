"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { GateProblem } from "@/lib/review/submitGate";
import { onDocumentChanged } from "../editor/documentChanged";
import { callApi } from "../ui/api";
import { usePoll } from "../ui/usePoll";
import { publishGate } from "./reviewStore";

/** Checks again this often even when nothing announced a change (a change the page missed). */
const FALLBACK_MS = 60_000;

/**
 * What the submit gate would refuse now, while the actor may submit (and published for the
 * status bar). Checked on the stored content: when the page opens, each time the server
 * says it stored the document or a proposal was made or settled, when the review (`reviewKey`: its reviewers, roles, status)
 * changed, and once a minute besides. `refusedWith` takes the list a refused submit
 * answered with: checked on what was just typed, it is newer than any check under way.
 * `refresh` checks again at once (after a step that may change it).
 */
export function useSubmitGate(documentId: string, canSubmit: boolean, reviewKey: string) {
  const [gate, setGate] = useState<GateProblem[]>();
  const asked = useRef(0);
  const refresh = useCallback(async () => {
    const seq = ++asked.current;
    if (!canSubmit) return setGate((now) => (now?.length === 0 ? now : []));
    const res = await callApi<{ problems: GateProblem[] }>(`/api/documents/${documentId}/review/gate`);
    if (res.ok && seq === asked.current) setGate(res.data.problems);
  }, [documentId, canSubmit]);
  usePoll(refresh, FALLBACK_MS);
  useEffect(() => onDocumentChanged(documentId, () => void refresh()), [documentId, refresh]);
  // the first check is the poll's; later changes of the review check again
  const seenReview = useRef(reviewKey);
  useEffect(() => {
    if (seenReview.current === reviewKey) return;
    seenReview.current = reviewKey;
    void refresh();
  }, [reviewKey, refresh]);

  useEffect(() => {
    if (gate) publishGate(documentId, gate);
  }, [documentId, gate]);

  const refusedWith = useCallback((problems: GateProblem[]) => {
    asked.current++;
    setGate(problems);
  }, []);
  return { gate, refusedWith, refresh };
}
