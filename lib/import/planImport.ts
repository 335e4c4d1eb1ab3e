import { docToText, walk, type PMDoc } from "../editor/schema";
import { normalizeDoc } from "../editor/documentSchema";
import { InvalidInput } from "../errors";
import type { FieldValue } from "../templates/instantiate";
import { TemplateDefinition } from "../templates/schema";
import type { MemberRef } from "./fieldValues";
import { layoutOf } from "./layoutOf";
import { planAsIs, planOntoTemplate, type DocumentPlan, type PlannedSection } from "./planDocument";
import { readImport, type MojibakeNotice } from "./readImport";
import { roundTripOf, type RoundTripGroup } from "./roundTrip";
import { repairMojibake } from "../markdown/mojibake";

export interface ContentCounts {
  sections: number;
  tables: number;
  codeBlocks: number;
  mermaid: number;
  taskItems: number;
}

/** How much of each kind of block the sections hold, for the preview and the tests. */
export function countContent(bodies: PMDoc[]): ContentCounts {
  const counts: ContentCounts = { sections: bodies.length, tables: 0, codeBlocks: 0, mermaid: 0, taskItems: 0 };
  for (const body of bodies) {
    walk(body, (node) => {
      if (node.type === "table") counts.tables++;
      else if (node.type === "codeBlock") counts.codeBlocks++;
      else if (node.type === "mermaid") counts.mermaid++;
      else if (node.type === "taskItem") counts.taskItems++;
    });
  }
  return counts;
}

export interface PlanImportInput {
  markdown: string;
  repairMojibake: boolean;
  /** the title the caller chose, else null */
  title: string | null;
  /** the title from the file name, used when neither the caller nor the file names one */
  fileTitle: string | null;
  /** the chosen template; null to import as is */
  template: { key: string; version: number; definition: TemplateDefinition } | null;
  /** the key of the document's own template when imported as is */
  ownKey: string;
  members: MemberRef[];
  creatorId: string;
  /** the import's time, ISO 8601 */
  now: string;
  /** whether the sections will be written: false for a preview, which needs no rows or layout */
  write: boolean;
}

/** A section of the plan as the preview shows it. */
export type PlanSectionSummary = Pick<PlannedSection, "key" | "title" | "depth" | "origin" | "templateKey">;

/** A section row as stored, the document's id aside. */
export interface SectionRow {
  key: string;
  title: string;
  depth: number;
  position: number;
  fields: Record<string, FieldValue>;
  body: PMDoc;
  text: string;
}

export interface PlannedImport {
  title: string;
  mojibake: MojibakeNotice | null;
  repaired: boolean;
  /** the plan without the bodies */
  plan: Omit<DocumentPlan, "sections"> & { sections: PlanSectionSummary[] };
  /**
   * set when imported as is: the document's own template, stored with it; its definition as
   * JSON text, handed to PostgreSQL as it is (an object would be serialised again on the
   * request thread)
   */
  ownTemplate: OwnTemplate | null;
  frontMatterKeys: string[];
  frontMatterError: string | null;
  /** the front matter's `status`, trimmed, when it is a string */
  status: string | null;
  /** the front matter's `template`, when it is a string: a template to suggest */
  templateKey: string | null;
  /** the front matter block as written (the document's metadata) */
  metadata: string | null;
  dropped: string[];
  counts: ContentCounts;
  /**
   * what `write` asked for: the layout to store as JSON text in parts of at most CHUNK_CHARS
   * characters (joined, they are the JSON), and the section rows as JSON arrays of a few rows
   * each. Text, not objects: the request thread receives strings (cheap to clone) and hands
   * them to PostgreSQL a part at a time, as they are.
   */
  layoutParts: string[] | null;
  rowChunks: string[];
  /** a preview's list of what an export right after the import would not give back identical */
  roundTrip: RoundTripGroup[];
}

/** An as-is import's own template, as the writer needs it. */
export interface OwnTemplate {
  key: string;
  name: string;
  description: string;
  definitionJson: string;
}

/** Rows per chunk, and the JSON size past which a chunk closes early, so that storing one chunk stays short. */
const CHUNK_ROWS = 100;
const CHUNK_CHARS = 64 * 1024;

function canonicalBody(body: PMDoc): { body: PMDoc; text: string } {
  try {
    const normal = normalizeDoc(body);
    return { body: normal, text: docToText(normal) };
  } catch {
    throw new InvalidInput("The file has content the editor cannot hold.", { markdown: ["unsupported content"] });
  }
}

/** `text` in parts of at most `size` characters, never splitting a surrogate pair. */
export function splitText(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    // a high surrogate ends the part: its pair goes into the same part (a part of one is made two)
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += end - start > 1 ? -1 : 1;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

/** Section rows as JSON arrays of at most CHUNK_ROWS rows (and about CHUNK_CHARS characters). */
function chunkRows(rows: SectionRow[]): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const row of rows) {
    const json = JSON.stringify(row);
    if (current.length && (current.length >= CHUNK_ROWS || size + json.length > CHUNK_CHARS)) {
      chunks.push(`[${current.join(",")}]`);
      current = [];
      size = 0;
    }
    current.push(json);
    size += json.length + 1;
  }
  if (current.length) chunks.push(`[${current.join(",")}]`);
  return chunks;
}

/**
 * Everything of a document import that needs no database, in one step a parse worker can
 * run: the parse (`readImport`), the plan (as is or onto the chosen template), the canonical
 * bodies and their search text, and what is stored as JSON text (the layout with its content
 * hash, an as-is import's own template, the rows in chunks): strings are cheap to hand from a
 * worker, and PostgreSQL parses them, so the request thread never walks or serialises them.
 * Arguments and result are plain data. Pure. Throws InvalidInput as `readImport` does and for
 * content the editor cannot hold.
 */
export function planImport(input: PlanImportInput): PlannedImport {
  const { imported, mojibake, repaired } = readImport(input.markdown, input.repairMojibake);
  const today = input.now.slice(0, 10);
  let title = input.title ?? imported.title ?? input.fileTitle;
  let plan: DocumentPlan;
  let ownTemplate: OwnTemplate | null = null;
  let definition: TemplateDefinition;
  if (input.template) {
    definition = input.template.definition;
    title ??= definition.titlePattern;
    plan = planOntoTemplate(imported, definition, { creatorId: input.creatorId, today, members: input.members });
  } else {
    title ??= "Imported document";
    const asIs = planAsIs(imported, { key: input.ownKey, name: `Imported: ${title}`.slice(0, 120), title });
    definition = TemplateDefinition.parse(asIs.definition);
    ownTemplate = { key: definition.key, name: definition.name, description: definition.description, definitionJson: JSON.stringify(definition) };
    plan = asIs;
  }
  title = title.slice(0, 200);
  const bodies = plan.sections.map((s) => canonicalBody(s.body));
  const { status, template } = imported.frontMatter;
  const result: PlannedImport = {
    title,
    mojibake,
    repaired,
    plan: {
      sections: plan.sections.map((s) => ({ key: s.key, title: s.title, depth: s.depth, origin: s.origin, templateKey: s.templateKey })),
      assigned: plan.assigned,
      unusedFrontMatter: plan.unusedFrontMatter,
      keptInBody: plan.keptInBody,
    },
    ownTemplate,
    frontMatterKeys: Object.keys(imported.frontMatter),
    frontMatterError: imported.frontMatterError,
    status: typeof status === "string" && status.trim() ? status.trim() : null,
    templateKey: typeof template === "string" ? template : null,
    metadata: imported.frontMatterBlock?.source ?? null,
    dropped: imported.dropped,
    counts: countContent(bodies.map((b) => b.body)),
    layoutParts: null,
    rowChunks: [],
    roundTrip: [],
  };
  const ownerName = input.members.find((m) => m.userId === input.creatorId)?.name ?? "";
  const templateRef = input.template ?? { key: input.ownKey, version: 1 };
  const layoutInput = { imported, plan, bodies: bodies.map((b) => b.body), definition, title, members: input.members, template: templateRef, now: new Date(input.now), ownerName };
  if (!input.write) {
    // the text compared is the one imported: repaired when the user chose the repair
    result.roundTrip = roundTripOf(repaired ? repairMojibake(input.markdown) : input.markdown, layoutInput);
    return result;
  }
  result.layoutParts = splitText(JSON.stringify(layoutOf(layoutInput)), CHUNK_CHARS);
  result.rowChunks = chunkRows(plan.sections.map((s, position) => ({ key: s.key, title: s.title, depth: s.depth, position, fields: s.fields, body: bodies[position]!.body, text: bodies[position]!.text })));
  return result;
}
