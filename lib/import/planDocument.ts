import { emptyDoc, type PMDoc } from "../editor/schema";
import type { ImportedMarkdown } from "../markdown/importMarkdown";
import { defaultValue, instantiateSection, type FieldValue, type InstantiateContext } from "../templates/instantiate";
import type { FieldDef, SectionDef, TemplateDefinition } from "../templates/schema";
import { leadingFieldTable } from "./fieldTable";
import { fieldValueFor, namesField, type MemberRef } from "./fieldValues";
import { KeyAllocator, normaliseTitle } from "./normalise";

export interface PlannedSection {
  key: string;
  title: string;
  depth: number;
  fields: Record<string, FieldValue>;
  body: PMDoc;
  /** the template section this heading was matched to; null for a heading the template lacks */
  templateKey: string | null;
  /** "file" for a heading of the file, "template" for a required section the file lacked */
  origin: "file" | "template";
  /** the file's heading for this section (level and source), for an export that writes it as it was */
  heading: { level: number | null; source: string } | null;
  /** the index of the file's section it came from (null for a section the template added) */
  from: number | null;
  /** whether a `| Field | Value |` table of the file filled its fields */
  fieldTable?: boolean;
}

export interface FieldAssignment {
  sectionKey: string;
  fieldKey: string;
  label: string;
  value: FieldValue;
  from: "front matter" | "table";
  /** the front matter key that gave the value */
  key?: string;
}

export interface DocumentPlan {
  sections: PlannedSection[];
  assigned: FieldAssignment[];
  /** front matter keys that became no field (unknown, or a value that does not fit): they stay document metadata */
  unusedFrontMatter: string[];
  /** headings deeper than their section that match no template section, kept in that section's body */
  keptInBody: string[];
}

export interface PlanContext extends InstantiateContext {
  members: MemberRef[];
}

/** Keys an export writes about the file itself; the workflow owns these, so they are not fields. */
const FILE_KEYS = new Set(["title", "status", "template", "template_version", "content_hash", "created", "updated"]);

const MAX_TITLE = 200;

function clip(title: string): string {
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

/** Front matter entries that may become fields, in file order. */
function contentEntries(frontMatter: Record<string, unknown>): [string, unknown][] {
  return Object.entries(frontMatter).filter(([key, value]) => !FILE_KEYS.has(key) && !isEmpty(value));
}

function defaults(section: SectionDef, ctx: InstantiateContext): Record<string, FieldValue> {
  return Object.fromEntries(section.fields.map((f) => [f.key, defaultValue(f, ctx)]));
}

/**
 * Reads a leading `| Field | Value |` table into the section's fields when every row names a
 * field and every value fits; the table then leaves the body. Otherwise nothing changes, so
 * no value is lost to a field that cannot hold it.
 */
function applyFieldTable(def: TemplateDefinition, planned: PlannedSection, section: SectionDef, ctx: PlanContext, assigned: FieldAssignment[]): void {
  const table = section.fields.length ? leadingFieldTable(planned.body) : null;
  if (!table) return;
  const values: FieldAssignment[] = [];
  const emptied: FieldDef[] = [];
  for (const row of table.rows) {
    const field = section.fields.find((f) => namesField(f, row.label));
    if (!field) return;
    if (!row.value) {
      // the table says it is empty: no default fills it
      emptied.push(field);
      continue;
    }
    const value = fieldValueFor(def, section.key, field, row.value, ctx.members);
    if (value === undefined) return;
    values.push({ sectionKey: section.key, fieldKey: field.key, label: field.label, value, from: "table" });
  }
  for (const f of emptied) planned.fields[f.key] = f.type === "multiSelect" || f.type === "people" ? [] : null;
  for (const v of values) planned.fields[v.fieldKey] = v.value;
  planned.fieldTable = true;
  assigned.push(...values);
  planned.body = table.rest;
}

/** Where a required section the file lacked goes: before the first matched section that follows it in the template. */
function insertionIndex(sections: PlannedSection[], order: Map<string, number>, index: number): number {
  const at = sections.findIndex((s) => s.templateKey !== null && (order.get(s.templateKey) ?? -1) > index);
  return at < 0 ? sections.length : at;
}

/**
 * Maps an imported file onto a template: each heading takes the first unused template section
 * of the same normalised title (keeping the file's title, depth and body). A heading the
 * template lacks becomes a custom section — except in a file whose front matter names this
 * template (an export of one of its documents): there a heading deeper than the section
 * above it stays in that section's body, as a heading typed inside a section is exported
 * below the section's level and so comes back inside it. The preamble
 * stays an untitled section. Required template sections the file lacks are added in template
 * order with their starter. Field tables and front matter keys (by field key or label) fill
 * fields when the value fits; other keys stay document metadata. Pure.
 */
export function planOntoTemplate(imported: ImportedMarkdown, def: TemplateDefinition, ctx: PlanContext): DocumentPlan {
  const keys = new KeyAllocator(def.sections.map((s) => s.key));
  const order = new Map(def.sections.map((s, i) => [s.key, i] as const));
  const used = new Set<string>();
  const assigned: FieldAssignment[] = [];
  const sections: PlannedSection[] = [];
  const keptInBody: string[] = [];
  // a file exported from a document of this template: its deeper headings were typed in a body
  const ownExport = imported.frontMatter.template === def.key;
  let current: { planned: PlannedSection; level: number } | null = null;
  for (const [from, s] of imported.sections.entries()) {
    const heading = { level: s.level, source: s.heading };
    if (s.level === null) {
      sections.push({ key: keys.take("preamble"), title: "", depth: 1, fields: {}, body: s.body, templateKey: null, origin: "file", heading, from });
      continue;
    }
    const wanted = normaliseTitle(s.title);
    const match = def.sections.find((d) => !used.has(d.key) && normaliseTitle(d.title) === wanted);
    if (!match && ownExport && current && s.level > current.level && s.headingNode) {
      // a heading typed inside a section's body (an export writes it below the section's level)
      current.planned.body = { type: "doc", content: [...(current.planned.body.content ?? []), s.headingNode, ...(s.body.content ?? [])] };
      keptInBody.push(s.title);
      continue;
    }
    if (!match) {
      const planned: PlannedSection = { key: keys.take(`custom ${s.title}`), title: clip(s.title), depth: s.depth, fields: {}, body: s.body, templateKey: null, origin: "file", heading, from };
      sections.push(planned);
      current = { planned, level: s.level };
      continue;
    }
    used.add(match.key);
    const planned: PlannedSection = { key: match.key, title: clip(s.title), depth: s.depth, fields: defaults(match, ctx), body: s.body, templateKey: match.key, origin: "file", heading, from };
    applyFieldTable(def, planned, match, ctx, assigned);
    sections.push(planned);
    current = { planned, level: s.level };
  }
  def.sections.forEach((d, i) => {
    if (d.optional || used.has(d.key)) return;
    const draft = instantiateSection(d, 0, ctx);
    sections.splice(insertionIndex(sections, order, i), 0, { key: d.key, title: d.title, depth: d.depth, fields: draft.fields, body: draft.body, templateKey: d.key, origin: "template", heading: null, from: null });
  });

  const unusedFrontMatter: string[] = [];
  for (const [name, raw] of contentEntries(imported.frontMatter)) {
    const target = sections
      .flatMap((s) => (s.templateKey ? (def.sections.find((d) => d.key === s.templateKey)?.fields ?? []).map((f) => ({ s, f })) : []))
      .find(({ f }) => namesField(f, name));
    const value = target && fieldValueFor(def, target.s.key, target.f, raw, ctx.members);
    if (!target || value === undefined) {
      unusedFrontMatter.push(name);
      continue;
    }
    target.s.fields[target.f.key] = value;
    assigned.push({ sectionKey: target.s.key, fieldKey: target.f.key, label: target.f.label, value, from: "front matter", key: name });
  }
  return { sections, assigned, unusedFrontMatter, keptInBody };
}

export interface AsIsPlan extends DocumentPlan {
  /** the document's own template: its outline, with the front matter as fields */
  definition: TemplateDefinition;
}

/**
 * An imported file as a document of its own template: one section per heading (or one empty
 * untitled one when the file has none), the preamble as an untitled section, every heading at
 * its own depth. The front matter fills no field (the template has none): it all stays
 * document metadata. The template lists the first 200 sections with depths that never skip a
 * level, as the template schema wants; the document keeps every section at its own depth. Pure.
 */
export function planAsIs(imported: ImportedMarkdown, template: { key: string; name: string; title: string }): AsIsPlan {
  const keys = new KeyAllocator();
  const source = imported.sections.length ? imported.sections : [{ title: "", depth: 1, level: null, heading: "", body: emptyDoc() }];
  const sections: PlannedSection[] = source.map((s, from) => {
    const key = keys.take(s.level === null && !s.title ? "preamble" : s.title);
    return { key, title: clip(s.title), depth: s.depth, fields: {}, body: s.body, templateKey: key, origin: "file", heading: { level: s.level, source: s.heading }, from };
  });
  let previous = 0;
  const outline: SectionDef[] = sections.slice(0, 200).map((s) => {
    previous = Math.min(s.depth, previous + 1, 5);
    return { key: s.key, title: s.title || "Preamble", depth: previous, hint: "", optional: false, fields: [], starter: "", signoff: false };
  });
  const definition: TemplateDefinition = {
    key: template.key,
    name: template.name,
    description: "The outline of an imported Markdown file.",
    titlePattern: clip(template.title),
    sections: outline,
    signoffRoles: [],
  };
  return { sections, assigned: [], unusedFrontMatter: Object.keys(imported.frontMatter), keptInBody: [], definition };
}
