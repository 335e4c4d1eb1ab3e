import { walk, type PMDoc } from "../editor/schema";
import type { FieldValue } from "../templates/instantiate";
import type { TemplateDefinition } from "../templates/schema";

export interface GateProblem {
  sectionKey: string | null;
  kind: "required-field" | "placeholder" | "diagram";
  message: string;
}

interface GateSection {
  key: string;
  title: string;
  fields: Record<string, FieldValue>;
  body: PMDoc;
}

// [Project Name], {feature}, TBD, TODO — still to be written
const LEFTOVER = /\[[A-Za-z][^[\]\n]{0,79}\]|\{[A-Za-z][^{}\n]{0,59}\}|\bTBD\b|\bTODO\b/;
const DIAGRAM_TYPES = /^(graph|flowchart|sequenceDiagram|classDiagram|stateDiagram(-v2)?|erDiagram|journey|gantt|pie|quadrantChart|requirementDiagram|gitGraph|C4Context|C4Container|C4Component|C4Dynamic|C4Deployment|mindmap|timeline|zenuml|sankey(-beta)?|xychart(-beta)?|block(-beta)?|packet(-beta)?|kanban|architecture(-beta)?|radar(-beta)?|treemap(-beta)?)\b/;

function empty(v: FieldValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && !v.trim()) || (Array.isArray(v) && v.length === 0);
}

/**
 * What stops a document from entering review: required fields left empty, template
 * placeholders ([Project Name], {feature}, TBD, TODO) still in the text, and diagrams
 * that are empty or of no known Mermaid type. Each problem names its section.
 */
export function submitProblems(title: string, sections: GateSection[], def: TemplateDefinition): GateProblem[] {
  const problems: GateProblem[] = [];
  if (LEFTOVER.test(title)) problems.push({ sectionKey: null, kind: "placeholder", message: `The title still has a placeholder: “${title}”.` });
  for (const section of sections) {
    const sectionDef = def.sections.find((s) => s.key === section.key);
    for (const field of sectionDef?.fields ?? []) {
      if (field.required && empty(section.fields[field.key])) {
        problems.push({ sectionKey: section.key, kind: "required-field", message: `${section.title}: “${field.label}” is required.` });
      }
    }
    let placeholder: string | undefined;
    walk(section.body, (node) => {
      if (!placeholder && node.type === "placeholder") placeholder = String(node.attrs?.label ?? "");
      else if (!placeholder && node.type === "text" && !node.marks?.some((m) => m.type === "code")) placeholder = LEFTOVER.exec(node.text ?? "")?.[0];
      if (node.type === "mermaid") {
        const source = String(node.attrs?.source ?? "").trim();
        const firstLine = source.split("\n").find((l) => l.trim() && !l.trim().startsWith("%%"))?.trim() ?? "";
        if (!DIAGRAM_TYPES.test(firstLine)) problems.push({ sectionKey: section.key, kind: "diagram", message: `${section.title}: a diagram ${source ? "does not start with a Mermaid diagram type" : "is empty"}.` });
      }
    });
    if (placeholder) problems.push({ sectionKey: section.key, kind: "placeholder", message: `${section.title}: replace the placeholder “${placeholder}”.` });
  }
  return problems;
}
