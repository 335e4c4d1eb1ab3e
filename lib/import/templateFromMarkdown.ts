import type { PMDoc, PMNode } from "../editor/schema";
import { InvalidInput } from "../errors";
import type { ImportedMarkdown, ImportedSection } from "../markdown/importMarkdown";
import { docToMarkdown } from "../markdown/toMarkdown";
import type { FieldDef, SectionDef, TemplateDefinition } from "../templates/schema";
import { leadingFieldTable } from "./fieldTable";
import { KeyAllocator } from "./normalise";

const TODO = /\b(TBD|TODO|TBA)\b/;
const MAX_SECTIONS = 200;
const MAX_STARTER = 20_000;

/** "TBD", "TODO" and "TBA" in prose become placeholders, so the submit gate asks for them too. */
function markTodos(node: PMNode): PMNode {
  if (node.type === "codeBlock" || node.type === "mermaid") return node;
  if (!node.content) return node;
  const content = node.content.flatMap((child): PMNode[] => {
    if (child.type !== "text" || child.marks?.some((m) => m.type === "code") || !TODO.test(child.text ?? "")) return [markTodos(child)];
    return (child.text ?? "").split(TODO).flatMap((part, i): PMNode[] => {
      if (i % 2 === 1) return [{ type: "placeholder", attrs: { label: `[${part}]` } }];
      return part ? [{ ...child, text: part }] : [];
    });
  });
  return { ...node, content };
}

function placeholders(node: PMNode, out: string[]): string[] {
  if (node.type === "placeholder") out.push(String(node.attrs?.label ?? "").replace(/^[[{]|[\]}]$/g, "").trim());
  for (const child of node.content ?? []) placeholders(child, out);
  return out;
}

/** What a section's placeholders ask for, as its hint: "Fill in: Project Name; Date". */
function hintOf(body: PMDoc): string {
  const wanted = [...new Set(placeholders(body, []).filter((p) => p && !/^(TBD|TODO|TBA)$/.test(p)))];
  if (!wanted.length) return "";
  const hint = `Fill in: ${wanted.join("; ")}`;
  return hint.length > 500 ? `${hint.slice(0, 499)}…` : hint;
}

/** A leading `| Field | Value |` table becomes text fields; its values (placeholders) their hints. */
function fieldsOf(body: PMDoc): { fields: FieldDef[]; body: PMDoc } {
  const table = leadingFieldTable(body);
  if (!table || table.rows.length > 30) return { fields: [], body };
  const keys = new KeyAllocator();
  const fields = table.rows.map((row): FieldDef => {
    const hint = row.value.replace(/^\[|\]$/g, "").trim().slice(0, 500);
    return { key: keys.take(row.label, "field"), label: (row.label || "Field").slice(0, 80), type: "text", required: false, ...(hint ? { hint } : {}) };
  });
  return { fields, body: table.rest };
}

function isEmptyBody(body: PMDoc): boolean {
  return body.content.every((n) => n.type === "paragraph" && !n.content?.length);
}

/** A template's sections all have headings: text before the first one (the preamble) starts the first section's starter. */
function withPreambleInFirst(sections: ImportedSection[]): ImportedSection[] {
  const [first, second, ...rest] = sections;
  if (!first || first.level !== null) return sections;
  if (!second) return [];
  return [{ ...second, body: { type: "doc", content: [...first.body.content, ...second.body.content] } }, ...rest];
}

/**
 * A template from a Markdown file: the H1 is the title pattern, each heading a section (text
 * before the first heading opens the first section's starter; depths
 * that never skip a level), a leading `| Field | Value |` table the section's text fields,
 * the rest of the body its starter, with `[Name]`/`{feature}` placeholders kept as hints and
 * TBD/TODO/TBA turned into placeholders; each section's hint lists what its placeholders ask
 * for. Pure. Throws InvalidInput for a file without headings, more than 200 sections, or a
 * section too long for a starter.
 */
export function templateFromMarkdown(imported: ImportedMarkdown, meta: { key: string; name: string; description: string }): TemplateDefinition {
  const headed = withPreambleInFirst(imported.sections);
  if (!headed.length) throw new InvalidInput("The file has no headings to make sections from. Use ## headings for sections.", { markdown: ["no headings"] });
  if (headed.length > MAX_SECTIONS) {
    throw new InvalidInput(`A template holds at most ${MAX_SECTIONS} sections; this file has ${headed.length} headings.`, { markdown: ["too many sections"] });
  }
  const keys = new KeyAllocator();
  let previous = 0;
  const sections = headed.map((s): SectionDef => {
    const { fields, body } = fieldsOf(markTodos(s.body) as PMDoc);
    const starter = isEmptyBody(body) ? "" : docToMarkdown(body).trimEnd();
    if (starter.length > MAX_STARTER) throw new InvalidInput(`The section "${s.title}" is too long for a template (at most ${MAX_STARTER} characters).`, { markdown: [s.title] });
    previous = Math.min(s.depth, previous + 1, 5);
    // "Approval", "Sign-off": the section that shows the real decisions
    const signoff = /\b(approvals?|sign-?offs?)\b/i.test(s.title);
    return { key: keys.take(s.title), title: s.title.slice(0, 200), depth: previous, hint: hintOf(body), optional: false, fields, starter, signoff };
  });
  return {
    key: meta.key,
    name: meta.name,
    description: meta.description,
    titlePattern: (imported.title ?? meta.name).slice(0, 200),
    sections,
    signoffRoles: [],
  };
}
