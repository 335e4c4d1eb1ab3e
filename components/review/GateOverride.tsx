"use client";

import { useId, useRef, useState } from "react";
import { Button } from "../ui/Button";

/**
 * "Submit anyway…": submit despite the gate's problems, with a written reason that the
 * activity log keeps. Shown only with `review.overrideGate` (the owner, or an admin).
 */
export function GateOverride({ problemCount, onSubmit }: { problemCount: number; onSubmit: (reason: string) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const hintId = useId();
  const close = () => {
    setOpen(false);
    setMissing(false);
    opener.current?.focus();
  };

  if (!open) {
    return (
      <Button ref={opener} type="button" variant="secondary" className="mt-2" onClick={() => setOpen(true)}>
        Submit anyway…
      </Button>
    );
  }
  return (
    <form
      aria-label="Submit despite the problems"
      className="mt-2 space-y-2 rounded-md bg-white p-3 text-slate-800 ring-1 ring-slate-200"
      onKeyDown={(e) => e.key === "Escape" && close()}
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return setMissing(true);
        void onSubmit(reason.trim()).then((ok) => ok && setReason(""));
      }}
    >
      <label className="block text-sm font-medium">
        Why submit with {problemCount === 1 ? "this problem" : `these ${problemCount} problems`}?
        <textarea
          autoFocus
          rows={2}
          value={reason}
          aria-invalid={missing}
          aria-describedby={hintId}
          onChange={(e) => {
            setReason(e.target.value);
            setMissing(false);
          }}
          maxLength={1000}
          className="mt-1 block w-full rounded-md border-0 px-2 py-1 text-sm text-slate-900 ring-1 ring-inset ring-slate-300"
        />
      </label>
      <p id={hintId} className={`text-xs ${missing ? "text-red-700" : "text-slate-600"}`}>
        {missing ? "Write a reason: it is kept in the activity log." : "Reviewers see the document as it is; the activity log keeps your reason."}
      </p>
      <div className="flex gap-2">
        <Button type="submit">Submit anyway</Button>
        <Button type="button" variant="ghost" onClick={close}>Cancel</Button>
      </div>
    </form>
  );
}
