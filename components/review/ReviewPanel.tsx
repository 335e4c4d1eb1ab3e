"use client";

import { usePathname, useRouter } from "next/navigation";
import { lazy, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { STATUS_LABELS } from "@/lib/documents/status";
import type { ReviewDto } from "@/lib/review/loadReview";
import type { GateProblem } from "@/lib/review/submitGate";
import { plural } from "@/lib/util/plural";
import { Alert } from "../ui/Alert";
import { ChangesSince } from "../versions/ChangesSince";
import { callApi } from "../ui/api";
import { usePoll } from "../ui/usePoll";
import { offerReviewActions, publishReview } from "./reviewStore";
import { useSubmitGate } from "./useSubmitGate";
import { Button } from "../ui/Button";
import { MoreMenu } from "../ui/MoreMenu";
import { Disclosure } from "../ui/Disclosure";
import { GateOverride } from "./GateOverride";
import { GateProblems } from "./GateProblems";
import { RoleReviewers } from "./RoleReviewers";
import { RETIRING_STEPS, StatusChange } from "./StatusChange";

// only loaded when someone opens it
const SignoffRolesEditor = lazy(() => import("./SignoffRolesEditor").then((m) => ({ default: m.SignoffRolesEditor })));

interface Props {
  documentId: string;
  /** the review as the page was rendered (JSON, as the API gives it): shown at once, then kept live */
  initial?: ReviewDto;
  members: { userId: string; name: string }[];
  sectionTitles: Record<string, string>;
}

// the server says which steps are open (ReviewDto.can.steps); superseding needs a replacement and is offered elsewhere
const STEP_LABELS: { action: "markImplemented" | "reopen"; label: string }[] = [
  { action: "markImplemented", label: "Mark implemented" },
  { action: "reopen", label: "Reopen as draft" },
];

/** After a submit: the roles nobody can approve yet (the template lets them wait for a reviewer), if any. */
function unassignedNotice(review: ReviewDto): string | undefined {
  const waiting = review.roles.filter((r) => r.reviewers.length === 0).map((r) => r.name);
  if (!waiting.length) return undefined;
  const names = waiting.length === 1 ? waiting[0] : `${waiting.slice(0, -1).join(", ")} and ${waiting.at(-1)}`;
  return `Submitted for review. Nobody is assigned to approve as ${names} yet: assign a reviewer below.`;
}

/** Sign-off: status steps, reviewers per role and their decisions (live); the side panel's Review tab. */
export function ReviewPanel({ documentId, initial, members, sectionTitles }: Props) {
  const router = useRouter();
  const historyPath = `${usePathname()}/history`;
  const [review, setReview] = useState<ReviewDto | undefined>(initial);
  // whether a submit was just refused by the gate (its owner may then submit anyway)
  const [refused, setRefused] = useState(false);
  const [error, setError] = useState<string>();
  // said once after a step that went through but leaves something to do
  const [notice, setNotice] = useState<string>();
  const [comment, setComment] = useState("");

  // answers can arrive out of order on a busy server: an older one never replaces a newer one
  const asked = useRef(0);
  const shown = useRef(0);
  const load = useCallback(async () => {
    const seq = ++asked.current;
    const res = await callApi<ReviewDto>(`/api/documents/${documentId}/review`);
    if (res.ok && seq > shown.current) {
      shown.current = seq;
      setReview(res.data);
    }
  }, [documentId]);

  // decisions and stale approvals made elsewhere show up without a reload
  usePoll(load, 4000, { immediately: !initial });

  // the sign-off section of the document shows the same decisions
  useEffect(() => {
    if (review) publishReview(documentId, review);
  }, [documentId, review]);

  // the gate's problems show while people write, before anyone presses submit
  // the gate is checked again when the review changed (a reviewer assigned elsewhere), not on every answer
  const reviewKey = useMemo(() => (review ? JSON.stringify(review) : ""), [review]);
  const { gate, refusedWith, refresh: checkGate } = useSubmitGate(documentId, review?.can.submit ?? false, reviewKey);
  const [gateOpen, setGateOpen] = useState(false);
  const gateList = useRef<HTMLDivElement>(null);
  // asked for from the status bar: the list opens, its first step gets the focus
  const [gateAsked, setGateAsked] = useState(0);
  useEffect(() => {
    if (!gateAsked) return;
    gateList.current?.scrollIntoView({ block: "nearest" });
    gateList.current?.querySelector<HTMLElement>("button")?.focus();
  }, [gateAsked]);

  // only the latest step speaks in the alert: an earlier one answering late must not clear it
  const latestStep = useRef(0);

  // the step under way, if any: its button says so (and is not pressed twice)
  const [pending, setPending] = useState<string>();

  async function post(path: string, body: Record<string, unknown>) {
    const step = ++latestStep.current;
    setError(undefined);
    setNotice(undefined);
    setPending(path);
    const res = await callApi<ReviewDto & { problems?: GateProblem[] }>(`/api/documents/${documentId}/${path}`, { method: "POST", body });
    const latest = step === latestStep.current;
    if (latest) setPending(undefined);
    if (!res.ok) {
      const refusedFor = (res.error as { problems?: GateProblem[] }).problems;
      if (latest) setError(res.error.error);
      if (latest && refusedFor) {
        refusedWith(refusedFor);
        setRefused(true);
        setGateOpen(true);
      }
      return false;
    }
    // only a submit that went through ends the refusal: an assignment answering after a
    // refused submit (a busy server) must not take the owner's "Submit anyway…" away
    if (path === "review/submit") setRefused(false);
    void checkGate();
    if (latest) {
      setReview(res.data);
      if (path === "review/submit") setNotice(unassignedNotice(res.data));
    } else void load(); // a newer step may have changed the review since this answer was made
    router.refresh();
    return true;
  }

  // the status bar's "Submit for review" is this panel's submit; its count of problems opens their list here
  useEffect(() =>
    offerReviewActions(documentId, (action) => {
      if (action === "submit") return void post("review/submit", {});
      setGateOpen(true);
      setGateAsked((n) => n + 1);
    }),
  );

  if (!review) return <section aria-label="Review" className="text-sm text-slate-500">Loading review…</section>;
  const inReview = review.status === "in_review";
  const retiring = RETIRING_STEPS.map((s) => s.action).filter((action) => review.can.steps.includes(action));
  // on a second review, a reviewer reads what changed since their own last decision
  const myLast = review.roles
    .flatMap((r) => (review.myRoles.includes(r.key) ? r.decisions.filter((d) => d.reviewerId === review.me) : []))
    .filter((d) => d.versionNumber !== null)
    .sort((x, y) => y.at.localeCompare(x.at))[0];

  const covers = (scope: string[]) => (scope.length ? `covers ${scope.map((k) => sectionTitles[k] ?? k).join(", ")}` : "covers the whole document");

  return (
    <section aria-labelledby="review-heading" className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="review-heading" className="text-lg font-semibold">Review</h2>
        <span data-testid="review-status" className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{STATUS_LABELS[review.status]}</span>
        <div className="ml-auto flex flex-wrap gap-2">
          {review.can.submit ? (
            <Button data-review-action="submit" disabled={pending === "review/submit"} aria-busy={pending === "review/submit"} onClick={() => void post("review/submit", {})}>
              {pending === "review/submit" ? "Submitting…" : "Submit for review"}
            </Button>
          ) : null}
          {STEP_LABELS.filter((a) => review.can.steps.includes(a.action)).map((a) => (
            <Button key={a.action} variant="secondary" onClick={() => void post("status", { action: a.action })}>{a.label}</Button>
          ))}
          {/* withdrawing, rejecting, deprecating and superseding are rare and end a decision: kept out of the way of the next step */}
          {retiring.length ? (
            <MoreMenu label="More review actions" width="w-72">
              <StatusChange steps={retiring} onSubmit={(body) => post("status", body)} />
            </MoreMenu>
          ) : null}
        </div>
      </div>
      {error ? (
        <Alert>
          <p>{error}</p>
        </Alert>
      ) : null}

      {review.can.submit && gate?.length ? (
        <div className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-inset ring-amber-200">
          <button type="button" aria-expanded={gateOpen} aria-controls="review-gate-list" onClick={() => setGateOpen(!gateOpen)} className="flex w-full items-center gap-1.5 text-left font-semibold">
            <span aria-hidden="true" className="text-xs">{gateOpen ? "▾" : "▸"}</span>
            {plural(gate.length, "problem")} before review
          </button>
          <div ref={gateList} id="review-gate-list" hidden={!gateOpen}>
            {gateOpen ? <GateProblems key={gate.map((p) => p.message).join("\n")} problems={gate} /> : null}
            {gateOpen && refused && review.can.overrideGate ? <GateOverride problemCount={gate.length} onSubmit={(reason) => post("review/submit", { overrideReason: reason })} /> : null}
          </div>
        </div>
      ) : null}

      {notice ? (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          {notice}
        </p>
      ) : null}

      {/* with the page's code, not loaded after it: drawn by the server, it stays while the page
          starts (a part still loading when the panel updates is dropped until it loads, and
          the decisions below it jump up under the pointer and back) */}
      {inReview && myLast?.versionNumber ? (
        <ChangesSince documentId={documentId} from={myLast.versionNumber} title={`Changed since your last decision (v${myLast.versionNumber})`} historyPath={historyPath} />
      ) : null}
      {/* one role under another: the panel beside the text is too narrow for three columns */}
      <table className="block w-full text-left text-sm" aria-label="Sign-off">
        <thead className="sr-only">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">Role</th>
            <th scope="col" className="py-1 pr-3 font-medium">Reviewers</th>
            <th scope="col" className="py-1 font-medium">Decision</th>
          </tr>
        </thead>
        <tbody className="block divide-y divide-slate-100 border-t border-slate-100">
          {review.roles.map((role) => (
            <tr key={role.key} id={`review-role-${role.key}`} className="block space-y-1.5 py-3" data-role={role.key}>
              <td className="block">
                <div className="font-medium">{role.name}</div>
                {/* a role over many sections keeps to two lines; the whole list is in its title */}
                <div className="line-clamp-2 text-xs text-slate-500" title={covers(role.scope)}>{covers(role.scope)}</div>
              </td>
              <td className="block">
                <RoleReviewers role={role} canAssign={review.can.assign} members={members} onAssign={(reviewerId) => void post("review/assign", { roleKey: role.key, reviewerId })} />
              </td>
              <td className="block">
                {role.decisions.length ? (
                  <ul className="space-y-1">
                    {role.decisions.map((d) => (
                      <li key={d.reviewerId} className={d.stale ? "text-slate-500" : ""}>
                        <span className={d.decision === "approved" ? "text-emerald-700" : "text-orange-700"}>{d.decision === "approved" ? "Approved" : "Changes requested"}</span> by {d.reviewerName}, {d.at.slice(0, 16).replace("T", " ")}
                        {d.stale ? <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">{d.unchangedSince ? "stale, but the content is back to what was decided on" : "stale: the content changed after this decision"}</span> : null}
                        {d.stale && d.versionNumber && !d.unchangedSince ? <a className="ml-1 text-xs text-indigo-700 underline" href={`${historyPath}?from=${d.versionNumber}&to=current`}>see what changed since v{d.versionNumber}</a> : null}
                        {d.stale && d.unchangedSince && d.decision === "approved" && review.can.decide.includes(role.key) ? (
                          <button type="button" className="ml-2 text-xs font-semibold text-indigo-700 underline" onClick={() => void post("review/decision", { roleKey: role.key, decision: "approved", comment: "Re-approved: unchanged since my approval" })}>
                            Re-approve
                          </button>
                        ) : null}
                        {d.comment ? <p className="text-xs text-slate-600">“{d.comment}”</p> : null}
                        <p className="font-mono text-[10px] text-slate-500" title="hash of the content this decision covers">{d.contentHash.slice(0, 16)}</p>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-slate-500"><span className="text-xs uppercase tracking-wide">Decision</span> pending</span>
                )}
                {role.openSuggestions.length ? (
                  <div className="mt-2 rounded-md bg-amber-50 px-2 py-1.5 text-xs text-amber-900 ring-1 ring-amber-200" data-testid="open-suggestions">
                    <p className="font-medium">{role.openSuggestions.length === 1 ? "1 open suggestion" : `${role.openSuggestions.length} open suggestions`} in what this role covers: accept or reject before approving.</p>
                    <ul className="mt-1 space-y-0.5">
                      {role.openSuggestions.map((s) => (
                        <li key={`${s.sectionKey}:${s.id}`}>
                          <a className="underline" href={`#section-${s.sectionKey}`}>{s.line}</a>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {review.can.decide.includes(role.key) ? (
                  <div className="mt-2 flex flex-wrap gap-2">
                    <Button onClick={() => void post("review/decision", { roleKey: role.key, decision: "approved", comment }).then((ok) => ok && setComment(""))}>Approve as {role.name}</Button>
                    <Button variant="secondary" onClick={() => void post("review/decision", { roleKey: role.key, decision: "changes_requested", comment }).then((ok) => ok && setComment(""))}>Request changes as {role.name}</Button>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {review.can.editRoles ? (
        <Disclosure summary="Edit sign-off roles" className="text-sm">
          <SignoffRolesEditor key={review.roles.map((r) => `${r.key}:${r.name}:${r.scope.join(",")}`).join("|")} documentId={documentId} roles={review.roles} sectionTitles={sectionTitles} onSaved={setReview} />
        </Disclosure>
      ) : null}
      {review.can.decide.length ? (
        <label className="block text-xs font-medium text-slate-600">
          Comment with your decision
          <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} className="mt-1 block w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300" />
        </label>
      ) : null}
    </section>
  );
}
