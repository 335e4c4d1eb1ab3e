import { STATUS_LABELS, type DocumentStatus } from "@/lib/documents/status";
import { mirrorsWorkflowStatus } from "@/lib/documents/statusField";
import type { PMDoc } from "@/lib/editor/schema";
import type { FieldValue } from "@/lib/templates/instantiate";
import type { SectionDef } from "@/lib/templates/schema";
import { fieldDefsOf, fieldInWords, fieldLabel, type FieldNames } from "@/lib/documents/fieldWords";
import { isEmptyBody } from "@/lib/editor/emptyBody";
import { EmptyBody } from "./EmptyBody";
import { RichText } from "./RichText";
import { sectionTitleSize } from "./sectionTitle";

/** A section as PostgreSQL holds it (the projection of the shared document). */
export interface StoredSection {
  key: string;
  title: string;
  depth: number;
  fields: Record<string, FieldValue>;
  body: PMDoc;
}

/**
 * The document as stored, read-only, laid out like its live section cards: what the page
 * shows from its first paint, with or without JavaScript, until the shared document is open.
 */
export function StoredSections({ sections, defs, members, editable, status }: { sections: StoredSection[]; defs: SectionDef[]; members: { userId: string; name: string }[]; editable: boolean; status: DocumentStatus }) {
  const names: FieldNames = {
    fields: fieldDefsOf(defs),
    people: Object.fromEntries(members.map((m) => [m.userId, m.name])),
  };
  return (
    <div className="space-y-6">
      {sections.map((s) => {
        const def = defs.find((d) => d.key === s.key);
        const Heading = s.depth === 1 ? "h2" : s.depth === 2 ? "h3" : "h4";
        const fieldDefs = new Map(def?.fields.map((f) => [f.key, f]) ?? []);
        // in the template's order, then any the template no longer names
        const stored = s.fields ?? {};
        const fields = [...fieldDefs.keys(), ...Object.keys(stored).filter((key) => !fieldDefs.has(key))].map((key) => [key, stored[key]] as const);
        return (
          <section key={s.key} id={`section-${s.key}`} data-section-key={s.key} aria-labelledby={`title-${s.key}`} className="sw-section scroll-mt-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <Heading id={`title-${s.key}`} className={`px-1 font-semibold ${sectionTitleSize(s.depth)}`}>
              {s.title || <span className="font-normal italic text-slate-500">Untitled: exported with no heading</span>}
            </Heading>
            {def?.hint ? <p className="mt-1 text-sm text-slate-500">{def.hint}</p> : null}
            {fields.length ? (
              <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                {fields.map(([key, value]) => (
                  <div key={key} className="contents">
                    <dt className="text-slate-600">{fieldLabel(names, s.key, key)}</dt>
                    {/* a field repeating the workflow status shows that status */}
                    <dd>{fieldDefs.get(key) && mirrorsWorkflowStatus(fieldDefs.get(key)!) ? STATUS_LABELS[status] : fieldInWords(names, s.key, key, value)}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            <div className="sw-prose mt-3 px-1 py-1">
              {isEmptyBody(s.body) ? <EmptyBody editable={editable} /> : <RichText doc={s.body} />}
            </div>
          </section>
        );
      })}
    </div>
  );
}
