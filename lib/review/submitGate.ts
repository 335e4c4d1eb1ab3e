import { walk, type PMDoc, type PMNode } from "../editor/schema";
import type { FieldValue } from "../templates/instantiate";
import type { SignoffRoleDef, TemplateDefinition } from "../templates/schema";
import { mermaidError } from "../mermaid/validate";

export interface GateProblem {
  /** null: the document's title, or a sign-off role (see `roleKey`) */
  sectionKey: string | null;
  /** the section's title as people read it; null for the document's title or a role */
  sectionTitle: string | null;
  kind: "required-field" | "placeholder" | "diagram" | "no-reviewer" | "suggestion";
  /** what to fix, for a list grouped under the section's title */
  detail: string;
  /** the same, naming its section, for a list without headings */
  message: string;
  /** the placeholder left in the text, so a page can find and select it */
  text?: string;
  /** the sign-off role that has nobody assigned, so a page can lead to where reviewers are assigned */
  roleKey?: string;
}

interface GateSection {
  key: string;
  title: string;
  fields: Record<string, FieldValue>;
  body: PMDoc;
}

// [Project Name], {feature}, TBD, TODO — still to be written
const LEFTOVER = /\[[A-Za-z][^[\]\n]{0,79}\]|\{[A-Za-z][^{}\n]{0,59}\}|\bTBD\b|\bTODO\b/g;

function empty(v: FieldValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && !v.trim()) || (Array.isArray(v) && v.length === 0);
}

const isCode = (node: PMNode, parent: PMNode | null) => parent?.type === "codeBlock" || Boolean(node.marks?.some((m) => m.type === "code"));

type Found = { kind: "placeholder"; text: string } | { kind: "diagram"; source: string };

/** Placeholders and diagrams of one body, in reading order. */
function bodyItems(body: PMDoc): Found[] {
  const found: Found[] = [];
  walk(body, (node, parent) => {
    if (node.type === "placeholder") found.push({ kind: "placeholder", text: String(node.attrs?.label ?? "") });
    else if (node.type === "text" && !isCode(node, parent)) for (const m of (node.text ?? "").matchAll(LEFTOVER)) found.push({ kind: "placeholder", text: m[0] });
    else if (node.type === "mermaid") found.push({ kind: "diagram", source: String(node.attrs?.source ?? "") });
  });
  return found;
}

function problem(section: GateSection | null, kind: GateProblem["kind"], detail: string, text?: string): GateProblem {
  const where = section ? section.title || "Untitled section" : "Title";
  const message = `${where}: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}`;
  return { sectionKey: section?.key ?? null, sectionTitle: section ? where : null, kind, detail, message, ...(text === undefined ? {} : { text }) };
}

/**
 * Every problem that stops a document from entering review, in reading order: required
 * fields left empty, each template placeholder ([Project Name], {feature}, TBD, TODO)
 * still in the text, and each diagram Mermaid's parser refuses (with its message and
 * line). Each problem names its section, so a page can group them and step through them.
 */
export async function submitProblems(
  title: string,
  sections: GateSection[],
  def: TemplateDefinition,
  diagramError: (source: string) => Promise<string | null> = mermaidError,
): Promise<GateProblem[]> {
  const problems: GateProblem[] = [];
  for (const m of title.matchAll(LEFTOVER)) problems.push(problem(null, "placeholder", `Replace the placeholder “${m[0]}” in the title.`, m[0]));
  for (const section of sections) {
    const sectionDef = def.sections.find((s) => s.key === section.key);
    for (const field of sectionDef?.fields ?? []) {
      if (field.required && empty(section.fields[field.key])) problems.push(problem(section, "required-field", `Fill in “${field.label}”: it is required.`));
    }
    const items = bodyItems(section.body);
    const diagramCount = items.filter((i) => i.kind === "diagram").length;
    let diagram = 0;
    for (const item of items) {
      if (item.kind === "placeholder") {
        problems.push(problem(section, "placeholder", `Replace the placeholder “${item.text}”.`, item.text));
        continue;
      }
      diagram += 1;
      const error = await diagramError(item.source);
      const which = diagramCount > 1 ? `Diagram ${diagram}` : "The diagram";
      if (error) problems.push(problem(section, "diagram", `${which} does not draw — ${error}`));
    }
  }
  return problems;
}

/** The sign-off roles nobody is assigned to, split by what their template says: blocking or a warning. */
export function rolesWithoutReviewer(roles: SignoffRoleDef[], assignments: { roleKey: string }[]): { blocking: SignoffRoleDef[]; warning: SignoffRoleDef[] } {
  const empty = roles.filter((r) => !assignments.some((a) => a.roleKey === r.key));
  return { blocking: empty.filter((r) => r.blocksWithoutReviewer), warning: empty.filter((r) => !r.blocksWithoutReviewer) };
}

/**
 * One problem per sign-off role whose template says submit waits for a reviewer and that
 * has nobody assigned. Roles that only warn are not problems (the review panel flags them).
 */
export function reviewerProblems(roles: SignoffRoleDef[], assignments: { roleKey: string }[]): GateProblem[] {
  return rolesWithoutReviewer(roles, assignments).blocking.map((role) => ({
    sectionKey: null,
    sectionTitle: null,
    kind: "no-reviewer",
    detail: `Assign a reviewer for ${role.name}: this role needs one before review.`,
    message: `Reviewers: assign a reviewer for ${role.name}: this role needs one before review.`,
    roleKey: role.key,
  }));
}
