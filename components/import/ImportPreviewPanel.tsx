import type { ImportPreview } from "@/lib/import/importDocument";
import type { RoundTripGroup } from "@/lib/import/roundTrip";
import type { MojibakeNotice } from "@/lib/import/prepareImport";
import { Button } from "../ui/Button";
import { RoundTripList } from "./RoundTripList";

const ENCODING_NAMES: Record<MojibakeNotice["encoding"], string> = { macroman: "Mac Roman", "windows-1252": "Windows-1252" };

const KIND_LABELS: Record<ImportPreview["sections"][number]["kind"], string> = {
  matched: "template section",
  custom: "custom section",
  added: "added from the template",
  heading: "",
};

/** The "this looks mis-decoded" warning, with a before/after sample and the choice to repair. */
export function MojibakeWarning({ notice, repaired, pending, onRepair, onKeep }: { notice: MojibakeNotice; repaired: boolean; pending: boolean; onRepair: () => void; onKeep: () => void }) {
  const encoding = ENCODING_NAMES[notice.encoding];
  if (repaired) {
    return (
      <section aria-label="Text encoding" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 ring-1 ring-inset ring-emerald-200">
        <p>Repaired: text that had been decoded as {encoding} now reads “{notice.repairedSample}”.</p>
        <button type="button" onClick={onKeep} className="mt-1 text-emerald-900 underline" disabled={pending}>Undo repair</button>
      </section>
    );
  }
  return (
    <section aria-label="Text encoding" className="space-y-2 rounded-md bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-inset ring-amber-200">
      <h3 className="font-medium">This text looks mis-decoded</h3>
      <p>It reads like UTF-8 that was opened as {encoding}, so emoji and symbols came out garbled.</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-amber-800">Now</dt>
        <dd><code>{notice.sample}</code></dd>
        <dt className="text-amber-800">Repaired</dt>
        <dd><code>{notice.repairedSample}</code></dd>
      </dl>
      <Button type="button" variant="secondary" onClick={onRepair} disabled={pending}>Repair</Button>
    </section>
  );
}

function Counts({ counts }: { counts: ImportPreview["counts"] }) {
  const parts = [
    [counts.sections, "section"],
    [counts.tables, "table"],
    [counts.codeBlocks, "code block"],
    [counts.mermaid, "diagram"],
    [counts.taskItems, "task item"],
  ] as const;
  return <p className="text-sm text-slate-600">{parts.map(([n, word]) => `${n} ${word}${n === 1 ? "" : "s"}`).join(" · ")}</p>;
}

/** What the import will create: sections and their kind, filled fields, warnings, metadata kept, what is dropped, and what an export would not give back identical. */
export function ImportPreviewPanel({ preview }: { preview: ImportPreview & { roundTrip?: RoundTripGroup[] } }) {
  return (
    <div className="space-y-4">
      <div>
        <h3 className="text-base font-semibold">{preview.title}</h3>
        <Counts counts={preview.counts} />
      </div>
      <div>
        <h4 className="text-sm font-medium text-slate-700">Sections</h4>
        <ol aria-label="Detected sections" className="mt-1 max-h-72 space-y-0.5 overflow-y-auto text-sm">
          {preview.sections.map((s) => (
            <li key={s.key} style={{ paddingLeft: `${(s.depth - 1) * 14}px` }}>
              {s.title || <span className="italic text-slate-500">Text before the first heading (no heading)</span>}
              {KIND_LABELS[s.kind] ? <span className={`ml-2 text-xs ${s.kind === "matched" ? "text-emerald-700" : "text-slate-500"}`}>{KIND_LABELS[s.kind]}</span> : null}
            </li>
          ))}
        </ol>
      </div>
      {preview.fields.length ? (
        <div>
          <h4 className="text-sm font-medium text-slate-700">Fields filled in</h4>
          <ul className="mt-1 text-sm">
            {preview.fields.map((f) => (
              <li key={`${f.section}/${f.label}`}>{f.label}: {f.value || "—"} <span className="text-xs text-slate-500">({f.section}, from {f.from})</span></li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.warnings.length ? (
        <section aria-label="Import warnings" className="space-y-1 rounded-md bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-inset ring-amber-200">
          <ul className="list-disc space-y-1 pl-4">
            {preview.warnings.map((w) => <li key={w}>{w}</li>)}
          </ul>
        </section>
      ) : null}
      {preview.unusedFrontMatter.length ? (
        <p className="text-sm text-slate-700">
          Kept as document metadata (shown on the document page, exported unchanged): {preview.unusedFrontMatter.join(", ")}
        </p>
      ) : null}
      {preview.dropped.length ? <DroppedList items={preview.dropped} /> : null}
      {preview.roundTrip ? <RoundTripList groups={preview.roundTrip} /> : null}
    </div>
  );
}

function FragmentList({ label, items }: { label: string; items: string[] }) {
  return (
    <details className="text-sm" open={items.length <= 5}>
      <summary className="cursor-pointer font-medium text-slate-700">{label}</summary>
      <ul aria-label={label} className="mt-1 max-h-48 space-y-0.5 overflow-y-auto">
        {items.map((d, i) => <li key={i}><code className="text-xs">{d.length > 160 ? `${d.slice(0, 159)}…` : d}</code></li>)}
      </ul>
    </details>
  );
}

/** Raw HTML and comments (kept as plain text) and link or footnote definitions (dropped), listed. */
export function DroppedList({ items }: { items: string[] }) {
  const html = items.filter((d) => d.trimStart().startsWith("<"));
  const definitions = items.filter((d) => !d.trimStart().startsWith("<"));
  return (
    <div className="space-y-1">
      {html.length ? <FragmentList label={`${html.length} raw HTML ${html.length === 1 ? "fragment or comment" : "fragments or comments"} kept as plain text`} items={html} /> : null}
      {definitions.length ? <FragmentList label={`${definitions.length} link or footnote ${definitions.length === 1 ? "definition" : "definitions"} dropped`} items={definitions} /> : null}
    </div>
  );
}
