import { docToMarkdown } from "../markdown/toMarkdown";
import { normalizeDoc } from "../editor/documentSchema";
import type { PMDoc } from "../editor/schema";
import { InvalidInput } from "../errors";
import type { MemberRef } from "../import/fieldValues";
import { normaliseTitle } from "../import/normalise";
import { planOntoTemplate } from "../import/planDocument";
import type { ImportedMarkdown } from "../markdown/importMarkdown";
import type { FieldValue } from "../templates/instantiate";
import type { TemplateDefinition } from "../templates/schema";
import { contentHash } from "../util/hash";
import type { MergeSection } from "./mergeSections";
import type { RenameCandidate } from "./renamedSections";

/** A section read from a Markdown file of a document, ready to compare and to write. */
export interface FileSection extends MergeSection, RenameCandidate {
  depth: number;
  /** the values its `| Field | Value |` table gave; null when the file has no table for it (its fields are left as they are) */
  fields: Record<string, FieldValue> | null;
  body: PMDoc;
  /** the template section its heading matched, for the key of a section the file adds */
  templateKey: string | null;
}

/**
 * How a section is matched across copies: its normalised title, and which of that title it is
 * ("goals#2"). A section whose heading was renamed is matched afterwards (`renamedSections.ts`).
 */
export function sectionIds(titles: string[]): string[] {
  const seen = new Map<string, number>();
  return titles.map((title) => {
    const name = normaliseTitle(title);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return `${name}#${n}`;
  });
}

function canonical(body: PMDoc): PMDoc {
  try {
    return normalizeDoc(body);
  } catch {
    throw new InvalidInput("The file has content the editor cannot hold.", { markdown: ["unsupported content"] });
  }
}

/**
 * The sections of a Markdown file of a document, read as an import onto the document's
 * template reads it (headings matched by title, headings typed inside a section kept in its
 * body, field tables into fields), in file order. Sections the template would add because
 * the file lacks them are left out: a file that lacks a section removed it. `images` turns
 * the image paths an export writes back into the addresses documents hold. Pure.
 */
export function sectionsOf(
  imported: ImportedMarkdown,
  def: TemplateDefinition,
  ctx: { members: MemberRef[]; creatorId: string; today: string; images?: (body: PMDoc) => PMDoc },
): FileSection[] {
  const planned = planOntoTemplate(imported, def, ctx).sections.filter((s) => s.origin === "file");
  const ids = sectionIds(planned.map((s) => s.title));
  return planned.map((s, i) => {
    // an uploaded image is compared by its address in documents, however the file wrote its path
    const body = (ctx.images ?? ((b: PMDoc) => b))(canonical(s.body));
    const fields = s.fieldTable ? s.fields : null;
    return { id: ids[i]!, title: s.title, depth: s.depth, fields, body, templateKey: s.templateKey, digest: contentHash({ title: s.title, depth: s.depth, fields, body }), bodyDigest: contentHash({ fields, body }) };
  });
}

/** A section as Markdown, for a person resolving a conflict: its heading and body (fields aside). */
export function sectionMarkdown(section: Pick<FileSection, "title" | "depth" | "body">): string {
  const heading = section.title ? `${"#".repeat(Math.min(section.depth + 1, 6))} ${section.title}\n\n` : "";
  return `${heading}${docToMarkdown(section.body)}`;
}
