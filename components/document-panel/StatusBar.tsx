"use client";

import { useContext } from "react";
import type { ReviewDto } from "@/lib/review/loadReview";
import { plural } from "@/lib/util/plural";
import { StatusBadge } from "../documents/StatusBadge";
import { askReviewPanel, useGateProblems, useLatestReview } from "../review/reviewStore";
import { Button } from "../ui/Button";
import { PANEL_TAB_LABELS, type PanelTab } from "./panelMemory";
import { panelId } from "./DocumentPanel";
import { ThreadsContext } from "./threadsContext";
import { usePanel } from "./usePanel";

/** The sign-off the review waits for from this person, if any: it opens the review at that role. */
function signoffStep(review: ReviewDto): { label: string; target: string } | null {
  const waiting = review.roles.find((r) => review.can.decide.includes(r.key) && !r.decisions.some((d) => d.reviewerId === review.me && !d.stale));
  if (waiting) return { label: "Give your sign-off", target: `#review-role-${waiting.key}` };
  return null;
}

/**
 * Under the title: where the review stands in a few words, the next step, and the buttons
 * that open the side panel's tabs (the full review is in the panel, beside the text).
 */
export function StatusBar({ documentId, initial }: { documentId: string; initial: ReviewDto }) {
  const review = useLatestReview(documentId) ?? initial;
  const panel = usePanel();
  const open = useContext(ThreadsContext).filter((t) => !t.resolved).length;
  const approved = review.roles.filter((r) => r.approved).length;
  const stale = review.roles.flatMap((r) => r.decisions).filter((d) => d.stale).length;
  const step = signoffStep(review);
  // what the submit gate would refuse now, as the review panel keeps checking it
  const gate = useGateProblems(documentId);
  // the review panel, when it shows, has the submit button itself: one on screen, not two
  const reviewShown = panel.open && panel.tab === "review";

  function goTo(target: string) {
    panel.show("review");
    // the panel draws first, then the step it names is brought into view and focused
    requestAnimationFrame(() => {
      const el = document.querySelector<HTMLElement>(target);
      el?.scrollIntoView({ block: "nearest" });
      (el?.matches("button") ? el : el?.querySelector<HTMLElement>("button"))?.focus();
    });
  }

  const count = (tab: PanelTab) => (tab === "comments" && open ? <span className="rounded-full bg-amber-100 px-1.5 text-xs text-amber-900">{open}</span> : null);

  return (
    <div role="group" aria-label="Status bar" className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-2 text-sm">
      <StatusBadge status={review.status} />
      {review.roles.length ? (
        <span data-testid="review-summary" className="text-slate-600">
          {approved} of {plural(review.roles.length, "sign-off")}
          {stale ? <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">{stale} stale</span> : null}
        </span>
      ) : null}
      {review.can.submit && gate?.length ? (
        <button
          type="button"
          onClick={() => {
            panel.show("review");
            askReviewPanel(documentId, "showProblems");
          }}
          className="rounded-md px-1.5 py-0.5 font-medium text-amber-800 underline decoration-amber-300 underline-offset-2 hover:bg-amber-50"
        >
          {plural(gate.length, "problem")} before review
        </button>
      ) : null}
      {review.can.submit ? (
        // the review panel's own submit: it opens to show the answer (problems, or who is asked)
        reviewShown ? null : (
          <Button
            className="px-2.5 py-1"
            onClick={() => {
              panel.show("review");
              askReviewPanel(documentId, "submit");
            }}
          >
            Submit for review
          </Button>
        )
      ) : step ? (
        <Button className="px-2.5 py-1" onClick={() => goTo(step.target)}>{step.label}</Button>
      ) : null}
      <div role="group" aria-label="Side panel" className="flex flex-wrap items-center gap-1">
        {panel.tabs.map((tab) => (
          <button
            key={tab}
            type="button"
            id={`panel-toggle-${tab}`}
            aria-controls={panelId(tab)}
            aria-pressed={panel.open && panel.tab === tab}
            onClick={() => panel.toggle(tab)}
            className={`inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm ${panel.open && panel.tab === tab ? "bg-indigo-50 font-medium text-indigo-800 ring-1 ring-inset ring-indigo-200" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {PANEL_TAB_LABELS[tab]}
            {count(tab)}
          </button>
        ))}
      </div>
    </div>
  );
}
