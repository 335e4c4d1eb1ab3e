"use client";

import { useSyncExternalStore } from "react";
import type { ReviewDto } from "@/lib/review/loadReview";

/** The review panel's latest answer per document, for other parts of the page (the sign-off section). */
const latest = new Map<string, ReviewDto>();
const listeners = new Set<() => void>();

export function publishReview(documentId: string, review: ReviewDto): void {
  latest.set(documentId, review);
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The document's review as the panel last loaded it (it refreshes every few seconds and after each step). */
export function useLatestReview(documentId: string): ReviewDto | undefined {
  return useSyncExternalStore(subscribe, () => latest.get(documentId), () => undefined);
}
