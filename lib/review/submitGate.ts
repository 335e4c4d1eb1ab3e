import { walk, type PMDoc } from "../editor/schema";
import type { FieldValue } from "../templates/instantiate";
import type { TemplateDefinition } from "../templates/schema";
import { mermaidError } from "../mermaid/validate";

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

function empty(v: FieldValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && !v.trim()) || (Array.isArray(v) && v.length === 0);
}

/**
 * What stops a document from entering review: required fields left empty, template
 * placeholders ([Project Name], {feature}, TBD, TODO) still in the text, and diagrams
 * Mermaid's parser refuses (with its message and line). Each problem names its section.
 */
export async function submitProblems(
  title: string,
  sections: GateSection[],
  def: TemplateDefinition,
  diagramError: (source: string) => Promise<string | null> = mermaidError,
): Promise<GateProblem[]> {
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
    const diagrams: string[] = [];
    walk(section.body, (node) => {
      if (!placeholder && node.type === "placeholder") placeholder = String(node.attrs?.label ?? "");
      else if (!placeholder && node.type === "text" && !node.marks?.some((m) => m.type === "code")) placeholder = LEFTOVER.exec(node.text ?? "")?.[0];
      if (node.type === "mermaid") diagrams.push(String(node.attrs?.source ?? ""));
    });
    for (const [i, source] of diagrams.entries()) {
      const error = await diagramError(source);
      const which = diagrams.length > 1 ? `diagram ${i + 1}` : "the diagram";
      if (error) problems.push({ sectionKey: section.key, kind: "diagram", message: `${section.title}: ${which} does not draw — ${error}` });
    }
    if (placeholder) problems.push({ sectionKey: section.key, kind: "placeholder", message: `${section.title}: replace the placeholder “${placeholder}”.` });
  }
  return problems;
}
