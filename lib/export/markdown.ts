import { stringify } from "yaml";
import type { DocumentStatus } from "../documents/inputs";
import type { PMDoc, PMNode } from "../editor/schema";
import { readFrontMatter, setFrontMatterValues } from "../markdown/frontMatter";
import { docToMarkdown } from "../markdown/toMarkdown";
import { OWNED_KEYS, type MarkdownLayout, type OwnedKey } from "./layout";
import { blocksMarkdown, definitionsOf } from "./sharedDefinitions";
import { bodyMarkdown } from "./sourceBlocks";

/** A sign-off as printed on an export, so a reader can check it against `content_hash`. */
export interface ExportReviewer {
  name: string;
  role: string;
  decision: string;
  /** ISO date or timestamp of the decision */
  date: string;
  contentHash: string;
}

export interface ExportSection {
  /** the section's key; a layout names sections by it */
  key?: string;
  /** "" for an untitled section (an imported preamble): written with no heading */
  title: string;
  /** 1 = top-level section (an H2) */
  depth: number;
  /** typed fields in template order, values already made readable (names, not ids) */
  fields: { key?: string; label: string; value: string }[];
  body: PMDoc;
}

/** Everything an export shows, resolved and readable: no ids, no database. */
export interface ExportableDocument {
  title: string;
  /** the workspace's number for it (`TD-0003`); null before it has one (an import being planned) */
  number?: string | null;
  status: DocumentStatus;
  template: { key: string; name: string; version: number };
  /** hash of the sections' content, as approvals record it */
  contentHash: string;
  /** the owner's name (the Markdown lists `authors`; the owner is for formats with a cover) */
  owner: string;
  authors: string[];
  reviewers: ExportReviewer[];
  /** ISO timestamps */
  createdAt: string;
  updatedAt: string;
  sections: ExportSection[];
  /** the document's own front matter (YAML source); null or absent when it has none */
  metadata?: string | null;
  /** how the file it was imported from was laid out; null or absent for a document written here */
  layout?: MarkdownLayout | null;
}

function text(value: string): PMNode[] {
  return value ? [{ type: "text", text: value }] : [];
}

function cell(type: "tableHeader" | "tableCell", value: string): PMNode {
  const content = text(value);
  return { type, content: [content.length ? { type: "paragraph", content } : { type: "paragraph" }] };
}

/** A two-column `| Field | Value |` table; a multi-line value becomes one line, as a cell must. */
function fieldsTable(fields: ExportSection["fields"]): PMNode {
  const row = (type: "tableHeader" | "tableCell", a: string, b: string): PMNode => ({ type: "tableRow", content: [cell(type, a), cell(type, b)] });
  return {
    type: "table",
    content: [row("tableHeader", "Field", "Value"), ...fields.map((f) => row("tableCell", f.label, f.value.replace(/\s*[\r\n]+\s*/g, " ").trim()))],
  };
}

/** The approvals as Specwright's front matter lists them under `reviewers`: who, which role, what, when, and the content hash approved. */
export function reviewersValue(reviewers: ExportReviewer[]): { name: string; role: string; decision: string; date: string; content_hash: string }[] {
  return reviewers.map((r) => ({ name: r.name, role: r.role, decision: r.decision, date: r.date, content_hash: r.contentHash }));
}

/** The values Specwright writes for the keys it owns, as its own front matter has them. */
export function ownedValues(doc: ExportableDocument): Record<OwnedKey, unknown> {
  return {
    title: doc.title,
    number: doc.number ?? null,
    status: doc.status,
    template: doc.template.key,
    template_version: doc.template.version,
    content_hash: doc.contentHash,
    authors: doc.authors,
    reviewers: reviewersValue(doc.reviewers),
    created: doc.createdAt,
    updated: doc.updatedAt,
  };
}

/** A value as the failsafe-read YAML of a file compares and writes it: scalars as strings. */
function asYaml(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asYaml);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asYaml(v)]));
  return value === null || value === undefined ? "" : String(value);
}

/** Whether two front matter values read the same (scalars compared as the strings a file holds). */
export function sameYamlValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(asYaml(a)) === JSON.stringify(asYaml(b));
}

/** Keys the document's metadata has, in order (none when it is not a YAML mapping). */
function metadataKeys(metadata: string): Set<string> {
  return new Set(Object.keys(readFrontMatter(metadata).data));
}

/**
 * A document written here: Specwright's keys in a fixed order (a stable header diffs cleanly
 * between exports), then the document's own metadata, where keys Specwright owns take its values.
 */
function nativeFrontMatter(doc: ExportableDocument): string {
  const owned = ownedValues(doc);
  const metadata = doc.metadata ?? "";
  const mine = metadataKeys(metadata);
  // a key without a value (no number yet) is left out, not written empty
  const first = Object.fromEntries(OWNED_KEYS.filter((k) => !mine.has(k) && owned[k] !== null).map((k) => [k, owned[k]]));
  const rest = metadata.trim() ? setFrontMatterValues(metadata, Object.fromEntries(OWNED_KEYS.filter((k) => mine.has(k)).map((k) => [k, asYaml(owned[k])]))) : "";
  const own = Object.keys(first).length ? stringify(first, { lineWidth: 0 }) : "";
  return `---\n${own}${rest && !rest.endsWith("\n") ? `${rest}\n` : rest}---\n\n`;
}

/**
 * An imported document: its front matter as the file had it, where a key Specwright owns and
 * understood in the file (`layout.owned`) is refreshed only when its value changed since the
 * import (`updated` only when something else did), and a key that filled a field is updated
 * only when that field was edited.
 */
function importedFrontMatter(doc: ExportableDocument, layout: MarkdownLayout): string {
  const metadata = doc.metadata;
  if (metadata === null || metadata === undefined) return "";
  const fences = layout.fences ?? { open: "---\n", close: "---\n", gap: "\n" };
  const current = ownedValues(doc);
  const changes: Record<string, unknown> = {};
  for (const key of OWNED_KEYS) {
    if (key !== "updated" && key in layout.owned && !sameYamlValue(current[key], layout.owned[key])) changes[key] = asYaml(current[key]);
  }
  for (const f of layout.fieldKeys) {
    const value = doc.sections.find((s) => s.key === f.section)?.fields.find((x) => x.key === f.field)?.value ?? "";
    if (value !== f.value) changes[f.key] = value;
  }
  if (Object.keys(changes).length && "updated" in layout.owned) changes.updated = asYaml(current.updated);
  const source = setFrontMatterValues(metadata, changes);
  const close = source && !source.endsWith("\n") ? `\n${fences.close}` : fences.close;
  return `${fences.open}${source}${close}${fences.gap}`;
}

function markdownOf(content: PMNode[]): string {
  return content.length ? docToMarkdown({ type: "doc", content }).replace(/\n+$/, "") : "";
}

/** A section's heading line: as the file wrote it while title and depth are unchanged; none for an untitled section. */
function sectionHeading(section: ExportSection, layout: MarkdownLayout | null): { line: string; level: number } | null {
  const known = section.key ? layout?.headings[section.key] : undefined;
  if (!section.title) return null;
  const depthKept = known !== undefined && known.depth === section.depth && known.level !== null;
  if (depthKept && known.title === section.title && known.source) return { line: known.source, level: known.level ?? 2 };
  const level = depthKept ? (known.level ?? 2) : Math.min(6, Math.max(1, section.depth) + 1);
  return { line: markdownOf([{ type: "heading", attrs: { level }, content: text(section.title) }]), level };
}

/** Headings typed in a section's body go below the section's own level, so a re-import keeps them inside it. */
function bodyBelow(body: PMDoc, level: number): PMNode[] {
  const floor = Math.min(6, level + 1);
  return (body.content ?? []).map((node) => {
    const at = typeof node.attrs?.level === "number" ? node.attrs.level : floor;
    return node.type === "heading" && at < floor ? { ...node, attrs: { ...node.attrs, level: floor } } : node;
  });
}

function sectionMarkdown(section: ExportSection, layout: MarkdownLayout | null, definitions: PMNode[]): string {
  const heading = sectionHeading(section, layout);
  const known = section.key ? layout?.headings[section.key] : undefined;
  const table = section.fields.length > 0 && (!layout || !known || known.table);
  const stored = section.key ? layout?.blocks?.[section.key] : undefined;
  const fields = table ? blocksMarkdown([fieldsTable(section.fields)], definitions) : "";
  const body = [fields, bodyMarkdown(bodyBelow(section.body, heading?.level ?? 1), stored, definitions)].filter(Boolean).join("\n\n");
  return [heading?.line ?? "", body].filter(Boolean).join("\n\n");
}

function titleMarkdown(doc: ExportableDocument, layout: MarkdownLayout | null): string {
  if (layout && !layout.title) return "";
  if (layout?.title && layout.title.text === doc.title) return layout.title.heading;
  return markdownOf([{ type: "heading", attrs: { level: 1 }, content: text(doc.title) }]);
}

/**
 * A document as one GitHub-flavoured Markdown file. Written here: YAML front matter (title,
 * status, template, template_version, content_hash, authors, reviewers, created, updated,
 * then the document's own metadata), the title as an H1, then each section as a heading of
 * level depth + 1 (at most 6), its fields as a `| Field | Value |` table when it has any, and
 * its body. Imported (`layout` set): the file as it came — its front matter byte for byte
 * (keys refreshed only when their value changed), its H1 where it stood, each heading as
 * written while its title and depth are unchanged, the preamble with no heading, no key or
 * table the file did not have, and its final newline or the lack of one. In both, an
 * untitled section has no heading and headings inside a body are written below their
 * section's level. Same input, same bytes. Pure; the caller checks permissions. Throws nothing.
 */
export function renderDocumentMarkdown(doc: ExportableDocument): string {
  const layout = doc.layout ?? null;
  const title = titleMarkdown(doc, layout);
  // a reference in one section may use a definition written in another
  const definitions = definitionsOf(doc.sections.map((s) => s.body));
  const parts = doc.sections.map((s) => sectionMarkdown(s, layout, definitions));
  const before = layout?.title ? layout.title.before : undefined;
  const at = before === null ? parts.length : doc.sections.findIndex((s) => s.key !== undefined && s.key === before);
  parts.splice(Math.max(0, at), 0, title);
  const markdown = parts.filter(Boolean).join("\n\n");
  const head = layout ? importedFrontMatter(doc, layout) : nativeFrontMatter(doc);
  const finalNewline = layout ? layout.finalNewline : true;
  return `${head}${markdown}`.replace(/\n*$/, finalNewline ? "\n" : "");
}
