"use client";

import { useState } from "react";
import { Button } from "../ui/Button";

/** Submit despite the gate's problems, with a written reason (shown only with `review.overrideGate`). */
export function GateOverride({ onSubmit }: { onSubmit: (reason: string) => Promise<boolean> }) {
  const [reason, setReason] = useState("");
  return (
    <form
      className="mt-2 space-y-1"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit(reason.trim()).then((ok) => ok && setReason(""));
      }}
    >
      <label className="block text-xs font-medium">
        Reason to submit anyway
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} className="mt-1 block w-full rounded-md border-0 px-2 py-1 text-sm text-slate-900 ring-1 ring-inset ring-slate-300" />
      </label>
      <Button type="submit" variant="secondary" disabled={!reason.trim()}>Submit anyway</Button>
    </form>
  );
}
