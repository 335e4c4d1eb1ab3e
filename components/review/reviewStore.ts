"use client";

import { useSyncExternalStore } from "react";
import type { ReviewDto } from "@/lib/review/loadReview";
import type { GateProblem } from "@/lib/review/submitGate";

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

const gates = new Map<string, GateProblem[]>();

/** The submit gate's problems as the review panel last checked them (while the actor may submit). */
export function publishGate(documentId: string, problems: GateProblem[]): void {
  gates.set(documentId, problems);
  listeners.forEach((listener) => listener());
}

/** What the submit gate would refuse now, as the panel keeps checking it; undefined until it has. */
export function useGateProblems(documentId: string): GateProblem[] | undefined {
  return useSyncExternalStore(subscribe, () => gates.get(documentId), () => undefined);
}

/** What other parts of the page (the status bar) may ask of the review panel. */
export type ReviewPanelAction = "submit" | "showProblems";

const panels = new Map<string, (action: ReviewPanelAction) => void>();

/**
 * The review panel offers its actions to the rest of the page: the status bar's "Submit for
 * review" is the panel's own submit, whose answer (the gate's problems, a notice) the panel
 * shows, and its count of problems opens their list there. Returns a function that withdraws
 * the offer.
 */
export function offerReviewActions(documentId: string, run: (action: ReviewPanelAction) => void): () => void {
  panels.set(documentId, run);
  return () => {
    if (panels.get(documentId) === run) panels.delete(documentId);
  };
}

/** Asks the document's review panel for an action, when the panel is there. */
export function askReviewPanel(documentId: string, action: ReviewPanelAction): void {
  panels.get(documentId)?.(action);
}
