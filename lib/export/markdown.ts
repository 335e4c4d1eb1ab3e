import { stringify } from "yaml";
import type { DocumentStatus } from "../documents/inputs";
import type { PMDoc, PMNode } from "../editor/schema";
import { docToMarkdown } from "../markdown/toMarkdown";

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
  title: string;
  /** 1 = top-level section (an H2) */
  depth: number;
  /** typed fields in template order, values already made readable (names, not ids) */
  fields: { label: string; value: string }[];
  body: PMDoc;
}

/** Everything an export shows, resolved and readable: no ids, no database. */
export interface ExportableDocument {
  title: string;
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

function frontMatter(doc: ExportableDocument): string {
  // key order is part of the format: a stable header diffs cleanly between exports
  const data = {
    title: doc.title,
    status: doc.status,
    template: doc.template.key,
    template_version: doc.template.version,
    content_hash: doc.contentHash,
    authors: doc.authors,
    reviewers: doc.reviewers.map((r) => ({ name: r.name, role: r.role, decision: r.decision, date: r.date, content_hash: r.contentHash })),
    created: doc.createdAt,
    updated: doc.updatedAt,
  };
  return stringify(data, { lineWidth: 0 });
}

/**
 * A document as one GitHub-flavoured Markdown file: YAML front matter (title, status,
 * template, template_version, content_hash, authors, reviewers, created, updated), the title
 * as an H1, then each section as a heading of level depth + 1 (at most 6), its fields as a
 * `| Field | Value |` table when it has any, and its body. Same input, same bytes; ends with
 * one newline. Pure; the caller checks permissions. Throws nothing.
 */
export function renderDocumentMarkdown(doc: ExportableDocument): string {
  const content: PMNode[] = [{ type: "heading", attrs: { level: 1 }, content: text(doc.title) }];
  for (const section of doc.sections) {
    content.push({ type: "heading", attrs: { level: Math.min(6, Math.max(1, section.depth) + 1) }, content: text(section.title) });
    if (section.fields.length) content.push(fieldsTable(section.fields));
    content.push(...(section.body.content ?? []));
  }
  const markdown = docToMarkdown({ type: "doc", content });
  return `---\n${frontMatter(doc)}---\n\n${markdown}`.replace(/\n*$/, "\n");
}
