"use client";

import { useState } from "react";
import { derivedPersonColor, PERSON_COLORS } from "@/lib/editor/personColor";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";

/**
 * The colour others see one's caret, presence and suggestions in: one of the palette's, or
 * the one derived from one's id ("Automatic"). Saved as soon as it is picked; open documents
 * show it when they are opened again.
 */
export function ColorChoice({ userId, initial }: { userId: string; initial: string | null }) {
  const [color, setColor] = useState(initial);
  const [state, setState] = useState<{ saving: boolean; error?: string; saved?: boolean }>({ saving: false });
  const derived = derivedPersonColor(userId);
  const options = [{ name: `Automatic (${PERSON_COLORS.find((c) => c.value === derived)?.name ?? "derived"})`, value: null, shown: derived }, ...PERSON_COLORS.map((c) => ({ ...c, shown: c.value }))];

  async function pick(next: string | null) {
    const before = color;
    setColor(next);
    setState({ saving: true });
    const res = await callApi<{ color: string | null }>("/api/me/color", { method: "PUT", body: { color: next } });
    if (res.ok) return setState({ saving: false, saved: true });
    setColor(before);
    setState({ saving: false, error: res.error.error });
  }

  return (
    <div className="space-y-3">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <fieldset>
        <legend className="text-sm text-slate-600">Others see your caret, your presence and your suggestions in this colour.</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {options.map((o) => (
            <label key={o.value ?? "automatic"} className="flex cursor-pointer items-center gap-1.5 rounded-md px-2 py-1 text-sm ring-1 ring-slate-200 has-[:checked]:ring-2 has-[:checked]:ring-slate-900">
              <input type="radio" name="person-color" className="h-4 w-4" style={{ accentColor: o.shown }} checked={color === o.value} disabled={state.saving} onChange={() => void pick(o.value)} />
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ backgroundColor: o.shown }} />
              <span className="font-medium text-slate-800">{o.name}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p role="status" className="text-xs text-slate-500">{state.saving ? "Saving…" : state.saved ? "Saved. Documents opened from now on show it." : ""}</p>
    </div>
  );
}
