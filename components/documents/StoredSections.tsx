import type { PMDoc } from "@/lib/editor/schema";
import type { FieldValue } from "@/lib/templates/instantiate";
import type { FieldDef, SectionDef } from "@/lib/templates/schema";
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

/** A field's value in words: people by name (one who left the workspace keeps the stored id), "—" when empty. */
function shown(value: FieldValue | undefined, def: FieldDef | undefined, names: Map<string, string>): string {
  const values = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  const words = def?.type === "person" || def?.type === "people" ? values.map((id) => names.get(id) ?? id) : values;
  return words.filter((w) => w !== "").join(", ") || "—";
}

/**
 * The document as stored, read-only, laid out like its live section cards: what the page
 * shows from its first paint, with or without JavaScript, until the shared document is open.
 */
export function StoredSections({ sections, defs, members }: { sections: StoredSection[]; defs: SectionDef[]; members: { userId: string; name: string }[] }) {
  const names = new Map(members.map((m) => [m.userId, m.name]));
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
              {s.title || <span className="font-normal italic text-slate-400">Untitled: exported with no heading</span>}
            </Heading>
            {def?.hint ? <p className="mt-1 text-sm text-slate-500">{def.hint}</p> : null}
            {fields.length ? (
              <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                {fields.map(([key, value]) => (
                  <div key={key} className="contents">
                    <dt className="text-slate-600">{fieldDefs.get(key)?.label ?? key}</dt>
                    <dd>{shown(value, fieldDefs.get(key), names)}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            <div className="sw-prose mt-3 min-h-16 px-1 py-1">
              <RichText doc={s.body} />
            </div>
          </section>
        );
      })}
    </div>
  );
}
