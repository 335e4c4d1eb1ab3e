"use client";

import { useState } from "react";
import { ActivityList } from "../review/ActivityLog";
import { useLatestReview } from "../review/reviewStore";

/** The activity log, loaded again whenever the review changes (a step, a decision, a stale approval). */
export function ActivityTab({ documentId }: { documentId: string }) {
  const review = useLatestReview(documentId);
  const said = review ? JSON.stringify(review) : "";
  const [shown, setShown] = useState({ said, count: 0 });
  if (shown.said !== said) setShown({ said, count: shown.count + 1 });
  return <ActivityList documentId={documentId} refreshKey={shown.count} />;
}
