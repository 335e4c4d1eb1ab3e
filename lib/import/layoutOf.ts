import { hashSections } from "../documents/contentHash";
import type { PMDoc } from "../editor/schema";
import { normalizeDoc } from "../editor/documentSchema";
import { authorsOf, exportSection } from "../export/sectionFields";
import { OWNED_KEYS, type MarkdownLayout } from "../export/layout";
import { ownedValues, type ExportableDocument } from "../export/markdown";
import { blockHash } from "../export/sourceBlocks";
import type { ImportedMarkdown, SourceBlock } from "../markdown/importMarkdown";
import type { TemplateDefinition } from "../templates/schema";
import type { MemberRef } from "./fieldValues";
import { contentHash } from "../util/hash";
import { planAsIs, type DocumentPlan } from "./planDocument";

export interface LayoutInput {
  imported: ImportedMarkdown;
  plan: DocumentPlan;
  /** the planned sections' bodies as stored */
  bodies: PMDoc[];
  /** the definition the sections follow (the chosen template's or the document's own) */
  definition: TemplateDefinition;
  title: string;
  members: MemberRef[];
  template: { key: string; version: number };
  now: Date;
  ownerName: string;
}

/**
 * The keys Specwright refreshes in a file's front matter. `title`, `status` and `number`
 * (an ADR's `ADR-0007`) mean the same everywhere; the bookkeeping keys (authors, reviewers, template, hashes, dates) mean what
 * Specwright means only in one of its own exports (it has `content_hash`) — in another file
 * `authors` or `reviewers` are that file's own and are never replaced.
 */
function understood(frontMatter: Record<string, unknown>): Set<string> {
  return new Set("content_hash" in frontMatter ? OWNED_KEYS : ["title", "status", "number"]);
}

/** The document as its export sees it right after the import. */
function exportableOf(input: LayoutInput, layout: MarkdownLayout | null): ExportableDocument {
  const { plan, bodies, definition, members, ownerName, now } = input;
  const names = new Map(members.map((m) => [m.userId, m.name] as const));
  const sections = plan.sections.map((s, i) => ({ key: s.key, title: s.title, depth: s.depth, fields: s.fields, body: bodies[i] ?? s.body }));
  return {
    title: input.title,
    // the number it keeps when it is free here (importDocument claims it); another means a change the export writes
    number: typeof input.imported.frontMatter.number === "string" ? input.imported.frontMatter.number : null,
    status: "draft",
    template: { key: input.template.key, name: definition.name, version: input.template.version },
    contentHash: hashSections(sections),
    owner: ownerName,
    authors: authorsOf(definition, sections, names, ownerName),
    reviewers: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    sections: sections.map((s) => exportSection(definition, s, names)),
    metadata: input.imported.frontMatterBlock?.source ?? null,
    layout,
  };
}

/**
 * How an imported file was laid out, and what its export would write for the keys Specwright
 * owns right after the import (only for keys the file has), so a later export writes the file
 * as it came and refreshes a key only when its value changed. Pure.
 */
export function layoutOf(input: LayoutInput): MarkdownLayout {
  const { imported, plan } = input;
  const doc = exportableOf(input, null);
  const owned = ownedValues(doc);
  const block = imported.frontMatterBlock;
  const fromFile = plan.sections.filter((s) => s.from !== null);
  // a title at the top stays there, before any section a template added
  const after = imported.titleAt === 0 ? plan.sections : fromFile.filter((s) => (s.from ?? 0) >= imported.titleAt);
  const before = imported.titleHeading === null ? null : (after[0]?.key ?? null);
  return {
    fences: block ? { open: block.open, close: block.close, gap: imported.frontMatterGap } : null,
    // compared with the document's title at export: the H1 is written as it was while they match
    title: imported.titleHeading === null ? null : { heading: imported.titleHeading, text: (imported.title ?? "").slice(0, 200), before },
    headings: Object.fromEntries(
      fromFile.map((s) => [s.key, { title: s.title, depth: s.depth, level: s.heading?.level ?? null, source: s.heading?.source ?? "", table: Boolean(s.fieldTable) }]),
    ),
    owned: Object.fromEntries(Object.entries(owned).filter(([key]) => key in imported.frontMatter && understood(imported.frontMatter).has(key))),
    fieldKeys: plan.assigned.flatMap((a) => {
      const value = doc.sections.find((s) => s.key === a.sectionKey)?.fields.find((f) => f.key === a.fieldKey)?.value ?? "";
      return a.key ? [{ key: a.key, section: a.sectionKey, field: a.fieldKey, value }] : [];
    }),
    finalNewline: imported.finalNewline,
    blocks: Object.fromEntries(
      fromFile.flatMap((s) => {
        const i = plan.sections.indexOf(s);
        const section = imported.sections[s.from ?? -1];
        const body = input.bodies[i] ?? s.body;
        // only a body that is the file's section as it came (a field table taken out or headings moved in are not)
        const same = section !== undefined && contentHash(normalizeDoc(section.body).content ?? []) === contentHash(body.content ?? []);
        const blocks = same ? storedBlocks(section.blocks, body) : [];
        return blocks.length ? [[s.key, blocks]] : [];
      }),
    ),
  };
}

/** The file's blocks with the hash of the stored editor blocks each became; none when the body is not theirs block for block. */
function storedBlocks(blocks: SourceBlock[], body: PMDoc): NonNullable<MarkdownLayout["blocks"]>[string] {
  const content = body.content ?? [];
  if (!blocks.length || blocks.reduce((n, b) => n + b.count, 0) !== content.length) return [];
  let at = 0;
  return blocks.map((b) => {
    const hash = blockHash(content.slice(at, at + b.count));
    at += b.count;
    return { hash, count: b.count, source: b.source, gap: b.gap };
  });
}

/** The document an import plans, as its export sees it right after the import (with the file's layout). Pure. */
export function importedExportable(input: LayoutInput): ExportableDocument {
  return exportableOf(input, layoutOf(input));
}

/**
 * A file as the export of a document imported from it as is, without a database: what
 * `specwright convert` prints, so converting a file and importing then exporting it give the
 * same bytes. Pure. Throws when a body holds content the editor cannot (as an import would).
 */
export function convertedExportable(imported: ImportedMarkdown, options: { title: string; now: Date }): ExportableDocument {
  const title = (imported.title ?? options.title).slice(0, 200);
  const plan = planAsIs(imported, { key: "imported", name: "Imported", title });
  const input: LayoutInput = {
    imported,
    plan,
    bodies: plan.sections.map((s) => normalizeDoc(s.body)),
    definition: plan.definition,
    title,
    members: [],
    template: { key: "imported", version: 1 },
    now: options.now,
    ownerName: "",
  };
  return importedExportable(input);
}
