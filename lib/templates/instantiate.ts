import { docToText, type PMDoc } from "../editor/schema";
import { normalizeDoc } from "../editor/documentSchema";
import { markdownToDoc } from "../markdown/fromMarkdown";
import type { FieldDef, SectionDef, TemplateDefinition } from "./schema";

export type FieldValue = string | string[] | null;

export interface SectionDraft {
  key: string;
  title: string;
  depth: number;
  position: number;
  fields: Record<string, FieldValue>;
  body: PMDoc;
  text: string;
}

export interface InstantiateContext {
  creatorId: string;
  /** YYYY-MM-DD */
  today: string;
}

/** The starting value of a field in a new document. */
export function defaultValue(field: FieldDef, ctx: InstantiateContext): FieldValue {
  const d = field.default;
  if (d === undefined) return field.type === "multiSelect" || field.type === "people" ? [] : null;
  if (typeof d === "object" && !Array.isArray(d)) {
    const value = d.from === "creator" ? ctx.creatorId : ctx.today;
    return field.type === "people" ? [value] : value;
  }
  return d;
}

/** One section of a new document: defaults filled in, starter Markdown turned into rich text. */
export function instantiateSection(section: SectionDef, position: number, ctx: InstantiateContext): SectionDraft {
  const body = normalizeDoc(markdownToDoc(section.starter).doc);
  return {
    key: section.key,
    title: section.title,
    depth: section.depth,
    position,
    fields: Object.fromEntries(section.fields.map((f) => [f.key, defaultValue(f, ctx)])),
    body,
    text: docToText(body),
  };
}

/** The sections a new document starts with: every non-optional section of the template, in order. */
export function instantiateTemplate(def: TemplateDefinition, ctx: InstantiateContext): SectionDraft[] {
  return def.sections.filter((s) => !s.optional).map((s, i) => instantiateSection(s, i, ctx));
}
