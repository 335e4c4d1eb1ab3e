"use client";

import type { RoleReviewDto } from "@/lib/review/loadReview";

interface Props {
  role: RoleReviewDto;
  /** `review.assign`, from the server */
  canAssign: boolean;
  members: { userId: string; name: string }[];
  onAssign: (reviewerId: string) => void;
}

/**
 * One sign-off role's reviewers. With nobody assigned it says so plainly, and whether
 * submit waits for a reviewer (the role's template decides); those who may assign get the
 * picker right there.
 */
export function RoleReviewers({ role, canAssign, members, onAssign }: Props) {
  const nobody = role.reviewers.length === 0;
  const candidates = members.filter((m) => !role.reviewers.some((r) => r.id === m.userId));
  return (
    <>
      {nobody ? (
        <div data-testid="no-reviewer">
          <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${role.blocksWithoutReviewer ? "bg-red-100 text-red-900" : "bg-amber-100 text-amber-900"}`}>No reviewer assigned</span>
          <p className="mt-1 text-xs text-slate-600">
            {role.blocksWithoutReviewer ? "Submit for review waits until someone is assigned." : `Submit is allowed, but nobody can approve as ${role.name} until someone is assigned.`}
            {canAssign ? "" : " Ask an editor to assign someone."}
          </p>
        </div>
      ) : (
        role.reviewers.map((r) => r.name).join(", ")
      )}
      {canAssign ? (
        <select
          aria-label={`Add a reviewer for ${role.name}`}
          className="mt-1 block rounded-md border-0 py-1 pl-2 pr-8 text-xs ring-1 ring-inset ring-slate-300"
          value=""
          onChange={(e) => e.target.value && onAssign(e.target.value)}
        >
          <option value="">{nobody ? "Assign a reviewer…" : "Add reviewer…"}</option>
          {candidates.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
        </select>
      ) : null}
    </>
  );
}
