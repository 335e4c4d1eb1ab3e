import { derivedPersonColor } from "@/lib/editor/personColor";
import type { SuggestionChange } from "@/lib/suggestions/changes";
import { suggestionWhat } from "@/lib/suggestions/describe";

const STATE: Record<SuggestionChange["state"], { label: string; className: string }> = {
  open: { label: "open", className: "bg-amber-100 text-amber-900" },
  accepted: { label: "accepted", className: "bg-emerald-100 text-emerald-900" },
  rejected: { label: "rejected", className: "bg-red-100 text-red-900" },
  settled: { label: "accepted or rejected", className: "bg-slate-100 text-slate-700" },
};

/** The suggestions a comparison's section gained or settled, by person, in their colour. */
export function SuggestionChanges({ changes, people, colors = {} }: { changes: SuggestionChange[]; people: Record<string, string>; colors?: Record<string, string> }) {
  return (
    <ul className="mt-2 space-y-1 text-sm" aria-label="Suggestions">
      {changes.map((s) => (
        <li key={s.id} data-suggestion-state={s.state}>
          <span className="font-medium" style={{ color: s.authorId ? (colors[s.authorId] ?? derivedPersonColor(s.authorId)) : undefined }}>{(s.authorId && people[s.authorId]) || "Someone"}</span> suggested {suggestionWhat(s)}{" "}
          <span className={`rounded px-1.5 text-xs ${STATE[s.state].className}`}>{STATE[s.state].label}</span>
        </li>
      ))}
    </ul>
  );
}
