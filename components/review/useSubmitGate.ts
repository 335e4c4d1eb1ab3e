"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { GateProblem } from "@/lib/review/submitGate";
import { callApi } from "../ui/api";
import { usePoll } from "../ui/usePoll";
import { publishGate } from "./reviewStore";

/**
 * What the submit gate would refuse now, checked on the stored content every few seconds
 * while the actor may submit (and published for the status bar). `refusedWith` takes the
 * list a refused submit answered with: checked on what was just typed, it is newer than any
 * check under way. `refresh` checks again at once (after a step that may change it).
 */
export function useSubmitGate(documentId: string, canSubmit: boolean) {
  const [gate, setGate] = useState<GateProblem[]>();
  const asked = useRef(0);
  const refresh = useCallback(async () => {
    const seq = ++asked.current;
    if (!canSubmit) return setGate((now) => (now?.length === 0 ? now : []));
    const res = await callApi<{ problems: GateProblem[] }>(`/api/documents/${documentId}/review/gate`);
    if (res.ok && seq === asked.current) setGate(res.data.problems);
  }, [documentId, canSubmit]);
  usePoll(refresh, 4000);

  useEffect(() => {
    if (gate) publishGate(documentId, gate);
  }, [documentId, gate]);

  const refusedWith = useCallback((problems: GateProblem[]) => {
    asked.current++;
    setGate(problems);
  }, []);
  return { gate, refusedWith, refresh };
}
