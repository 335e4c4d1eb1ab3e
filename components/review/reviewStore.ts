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

const submitters = new Map<string, () => void>();

/**
 * The review panel offers its submit to the rest of the page (the status bar): one action,
 * whose answer (the gate's problems, a notice) the panel shows. Returns a function that
 * withdraws the offer.
 */
export function offerSubmit(documentId: string, submit: () => void): () => void {
  submitters.set(documentId, submit);
  return () => {
    if (submitters.get(documentId) === submit) submitters.delete(documentId);
  };
}

/** Submits the document for review through the review panel's own submit, when the panel is there. */
export function requestSubmit(documentId: string): void {
  submitters.get(documentId)?.();
}
