"use client";

import { useId, useState } from "react";
import { Button } from "../ui/Button";

/** The steps that end or retire a decision: each needs a reason (lib/review/stateMachine.ts). */
export const RETIRING_STEPS = [
  { action: "withdraw", label: "Withdraw", hint: "Stops the review; the document can be reopened as a draft." },
  { action: "reject", label: "Reject", hint: "The proposal is turned down; it can be reopened as a draft." },
  { action: "deprecate", label: "Deprecate", hint: "The decision no longer applies, and nothing replaces it." },
  { action: "supersede", label: "Supersede", hint: "A newer document replaces this decision; both show the link." },
] as const;
export type RetiringAction = (typeof RETIRING_STEPS)[number]["action"];

/**
 * Withdraw, reject, deprecate or supersede, with the reason the document then shows beside
 * its status (and the activity log keeps). Superseding names the successor by its number.
 */
export function StatusChange({ steps, onSubmit }: { steps: RetiringAction[]; onSubmit: (body: { action: RetiringAction; reason: string; supersededBy?: string }) => Promise<boolean> }) {
  const offered = RETIRING_STEPS.filter((s) => steps.includes(s.action));
  const [action, setAction] = useState<RetiringAction>(offered[0]?.action ?? "withdraw");
  const [reason, setReason] = useState("");
  const [successor, setSuccessor] = useState("");
  const [missing, setMissing] = useState<string | null>(null);
  const hintId = useId();
  const chosen = offered.find((s) => s.action === action) ?? offered[0];
  if (!chosen) return null;
  return (
    <form
      aria-label="Change the status"
      className="space-y-2 text-sm text-slate-800"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return setMissing("Write why: the document shows it beside its status.");
        if (chosen.action === "supersede" && !successor.trim()) return setMissing("Name the document that replaces this one, by its number.");
        void onSubmit({ action: chosen.action, reason: reason.trim(), ...(chosen.action === "supersede" ? { supersededBy: successor.trim() } : {}) }).then((ok) => {
          if (ok) {
            setReason("");
            setSuccessor("");
          }
        });
      }}
    >
      <fieldset className="space-y-1">
        <legend className="font-medium">Change the status</legend>
        {offered.map((s) => (
          <label key={s.action} className="flex items-center gap-2">
            <input type="radio" name="status-step" value={s.action} checked={chosen.action === s.action} onChange={() => setAction(s.action)} />
            {s.label}
          </label>
        ))}
      </fieldset>
      <p id={hintId} className="text-xs text-slate-600">{chosen.hint}</p>
      {chosen.action === "supersede" ? (
        <label className="block font-medium">
          Replaced by
          <input
            value={successor}
            onChange={(e) => {
              setSuccessor(e.target.value);
              setMissing(null);
            }}
            placeholder="e.g. TD-0004"
            className="mt-1 block w-full rounded-md px-2 py-1 font-normal ring-1 ring-inset ring-slate-300"
          />
        </label>
      ) : null}
      <label className="block font-medium">
        Why
        <textarea
          rows={2}
          value={reason}
          aria-describedby={hintId}
          aria-invalid={missing !== null && !reason.trim()}
          onChange={(e) => {
            setReason(e.target.value);
            setMissing(null);
          }}
          className="mt-1 block w-full rounded-md px-2 py-1 font-normal ring-1 ring-inset ring-slate-300"
        />
      </label>
      {missing ? <p role="alert" className="text-xs text-red-700">{missing}</p> : null}
      <Button type="submit" variant="secondary" className="w-full">{chosen.label}</Button>
    </form>
  );
}
