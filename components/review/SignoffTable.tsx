"use client";

import { useLatestReview } from "./reviewStore";

/** The sign-off section's live record: every reviewer's latest decision per role, with the version it was made on, and the roles nobody is assigned to. */
export function SignoffTable({ documentId }: { documentId: string }) {
  const review = useLatestReview(documentId);
  if (!review) return null;
  const rows = review.roles.flatMap((role) => role.decisions.map((d) => ({ role: role.name, ...d })));
  const unassigned = review.roles.filter((r) => r.reviewers.length === 0);
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="Sign-offs recorded">
        <caption className="mb-1 text-left text-xs font-medium uppercase tracking-wide text-slate-500">Sign-offs recorded</caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">Person</th>
            <th scope="col" className="py-1 pr-3 font-medium">Role</th>
            <th scope="col" className="py-1 pr-3 font-medium">Decision</th>
            <th scope="col" className="py-1 pr-3 font-medium">Date</th>
            <th scope="col" className="py-1 font-medium">Version</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length ? (
            rows.map((r) => (
              <tr key={`${r.role}-${r.reviewerId}`} className={r.stale ? "text-slate-500" : ""}>
                <td className="py-1 pr-3">{r.reviewerName}</td>
                <td className="py-1 pr-3">{r.role}</td>
                <td className="py-1 pr-3">
                  {r.decision === "approved" ? "Approved" : "Changes requested"}
                  {r.stale ? <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">stale</span> : null}
                </td>
                <td className="py-1 pr-3 font-mono text-xs">{r.at.slice(0, 10)}</td>
                <td className="py-1 font-mono text-xs" title={`content hash ${r.contentHash}`}>{r.versionNumber ? `v${r.versionNumber}` : "—"}</td>
              </tr>
            ))
          ) : (
            <tr>
              <td colSpan={5} className="py-1 text-slate-500">No decisions yet: reviewers sign off in the review panel.</td>
            </tr>
          )}
        </tbody>
      </table>
      {unassigned.length ? (
        <p className="mt-1 text-xs text-slate-600">
          No reviewer assigned: {unassigned.map((r) => `${r.name}${r.blocksWithoutReviewer ? " (submit waits for one)" : ""}`).join(", ")}. Reviewers are assigned in the review panel.
        </p>
      ) : null}
    </div>
  );
}
