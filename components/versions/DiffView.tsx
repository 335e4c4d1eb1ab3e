import { fieldInWords, fieldLabel } from "@/lib/documents/fieldWords";
import type { BodySegment } from "@/lib/versions/bodyDiff";
import { collapseUnchanged, describeUnchanged, isChange, titlesAtAGlance } from "@/lib/versions/collapse";
import type { SectionDiff } from "@/lib/versions/diff";
import type { DiffDto } from "@/lib/versions/present";
import { ImageDiff } from "./ImageDiff";
import { LinesDiff } from "./LinesDiff";
import { MermaidDiff } from "./MermaidDiff";
import { Parts } from "./Parts";
import { SuggestionChanges } from "./SuggestionChanges";

const BADGE: Record<SectionDiff["status"], string> = {
  added: "bg-emerald-100 text-emerald-900",
  removed: "bg-red-100 text-red-900",
  changed: "bg-amber-100 text-amber-900",
  unchanged: "bg-slate-100 text-slate-600",
};

const CELL: Record<string, string> = { same: "", changed: "bg-amber-50", added: "bg-emerald-50", removed: "bg-red-50" };

function Segment({ segment }: { segment: BodySegment }) {
  if (segment.type === "text") return <p className="my-2 text-sm leading-6 whitespace-pre-wrap text-slate-800"><Parts parts={segment.parts} /></p>;
  if (segment.type === "lines") return <LinesDiff lines={segment.lines} />;
  if (segment.type === "mermaid") return <MermaidDiff segment={segment} />;
  if (segment.type === "image") return <ImageDiff segment={segment} />;
  return (
    <div className="my-2 overflow-x-auto">
      <table className="min-w-full border-collapse text-sm" data-status={segment.status}>
        <tbody>
          {segment.rows.map((row, r) => (
            <tr key={r} data-status={row.status}>
              {row.cells.map((cell, c) => {
                const Tag = cell.header ? "th" : "td";
                return (
                  <Tag key={c} data-status={cell.status} className={`border border-slate-300 px-2 py-1 text-left align-top ${cell.header ? "font-semibold" : ""} ${CELL[cell.status]}`}>
                    <Parts parts={cell.parts} />
                  </Tag>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The level of a section's heading: one below the heading the comparison sits under. */
type Level = 3 | 4;

function SectionCard({ s, diff, level }: { s: SectionDiff; diff: DiffDto; level: Level }) {
  const Heading = `h${level}` as const;
  return (
    <section aria-label={`${s.title} (${s.status}${s.moved ? ", moved" : ""})`} data-section-key={s.key} data-status={s.status} className={`rounded-xl bg-white p-4 shadow-sm ring-1 ${s.status === "unchanged" ? "ring-slate-100" : "ring-slate-200"}`}>
      <div className="flex flex-wrap items-center gap-2">
        <Heading className={`font-semibold ${s.status === "removed" ? "text-slate-500 line-through" : ""}`}>{s.title}</Heading>
        <span className={`rounded px-1.5 text-xs ${BADGE[s.status]}`}>{s.status}</span>
        {s.moved ? <span className="rounded bg-sky-100 px-1.5 text-xs text-sky-900">moved</span> : null}
      </div>
      {s.titleChange ? <p className="mt-1 text-xs text-slate-600">Renamed: <del>{s.titleChange.from}</del> → <ins>{s.titleChange.to}</ins></p> : null}
      {s.depthChange ? <p className="mt-1 text-xs text-slate-600">Level {s.depthChange.from} → {s.depthChange.to}</p> : null}
      {s.fields.length ? (
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" aria-label="Field changes">
          {s.fields.map((f) => (
            <div key={f.key} className="contents">
              <dt className="text-slate-600">{fieldLabel(diff.names, s.key, f.key)}</dt>
              <dd><del className="bg-red-100 text-red-900">{fieldInWords(diff.names, s.key, f.key, f.from)}</del> → <ins className="bg-emerald-100 text-emerald-900 no-underline">{fieldInWords(diff.names, s.key, f.key, f.to)}</ins></dd>
            </div>
          ))}
        </dl>
      ) : null}
      {s.body ? s.body.map((segment, i) => <Segment key={i} segment={segment} />) : null}
      {s.suggestions.length ? <SuggestionChanges changes={s.suggestions} people={diff.names.people} colors={diff.names.colors} /> : null}
    </section>
  );
}

/** A run of unchanged sections as one line that opens to list them (a native disclosure: it works before any script loads). */
function UnchangedRun({ sections, diff, level }: { sections: SectionDiff[]; diff: DiffDto; level: Level }) {
  return (
    <details className="group rounded-xl bg-slate-50 px-4 py-2 ring-1 ring-slate-100" data-testid="unchanged-sections">
      <summary className="cursor-pointer text-sm text-slate-700">
        <span className="font-medium">{describeUnchanged(sections.length)}</span>
        <span className="ml-2 text-xs text-slate-600 group-open:hidden">{titlesAtAGlance(sections)}</span>
      </summary>
      <div className="mt-2 space-y-2 pb-2">
        {sections.map((s) => <SectionCard key={s.key} s={s} diff={diff} level={level} />)}
      </div>
    </details>
  );
}

/**
 * A comparison of two versions, section by section, with changes marked and each run of
 * unchanged sections folded into one line. Section titles are headings of `level`: 3 under
 * a page's h2, 4 under a panel's h3.
 */
export function DiffView({ diff, onlyChanged = false, level = 3 }: { diff: DiffDto; onlyChanged?: boolean; level?: Level }) {
  const sections = diff.sections.filter((s) => !onlyChanged || isChange(s));
  return (
    <div className="space-y-4" data-testid="version-diff">
      <p className="text-sm text-slate-700" role="status">{diff.summaryText || "No differences."}</p>
      {collapseUnchanged(sections).map((item) =>
        item.kind === "section" ? <SectionCard key={item.section.key} s={item.section} diff={diff} level={level} /> : <UnchangedRun key={`unchanged-${item.sections[0]!.key}`} sections={item.sections} diff={diff} level={level} />,
      )}
    </div>
  );
}
