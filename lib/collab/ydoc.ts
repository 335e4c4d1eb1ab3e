import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { docToText, type PMDoc } from "../editor/schema";
import { documentSchema } from "../editor/documentSchema";
import type { FieldValue } from "../templates/instantiate";
import { repairedBody, repairedFields, repairedMeta, type OnRepair } from "./repair";
import { cachedSection } from "./sectionCache";
import { bodyName, fieldsName, ORDER, readBody, SECTIONS, sectionOrder } from "./ydocLayout";

export { bodyName, fieldsName, ORDER, readBody, SECTIONS, sectionOrder };

export interface SectionContent {
  key: string;
  title: string;
  depth: number;
  fields: Record<string, FieldValue>;
  body: PMDoc;
}

export interface ProjectedSection extends SectionContent {
  position: number;
  text: string;
}

/** Writes one section into the Y.Doc (call inside a transaction). Replaces, never merges, existing content. */
export function writeSection(ydoc: Y.Doc, section: SectionContent, index?: number): void {
  const meta = new Y.Map<string | number>();
  meta.set("title", section.title);
  meta.set("depth", section.depth);
  ydoc.getMap<Y.Map<string | number>>(SECTIONS).set(section.key, meta);
  const fields = ydoc.getMap<FieldValue>(fieldsName(section.key));
  fields.clear();
  for (const [k, v] of Object.entries(section.fields)) fields.set(k, v);
  const body = ydoc.getXmlFragment(bodyName(section.key));
  body.delete(0, body.length);
  prosemirrorJSONToYXmlFragment(documentSchema, section.body, body);
  const order = ydoc.getArray<string>(ORDER);
  if (!order.toArray().includes(section.key)) order.insert(index ?? order.length, [section.key]);
}

/** Fills an empty Y.Doc with sections (their first load into the collaboration layer). */
export function sectionsToYDoc(ydoc: Y.Doc, sections: SectionContent[]): void {
  ydoc.transact(() => sections.forEach((s) => writeSection(ydoc, s)));
}

/**
 * Reads the projection of every section: what export, diff, search and the API see.
 * Never throws on what a Y.Doc holds: bad section entries, depths, fields or bodies are
 * repaired (each reported to `onRepair`), keeping every piece of text. A section's body,
 * fields and text are the same objects from one call to the next until they change: never
 * change them.
 */
export function yDocToSections(ydoc: Y.Doc, onRepair: OnRepair = () => {}): ProjectedSection[] {
  const sections = ydoc.getMap<unknown>(SECTIONS);
  return sectionOrder(ydoc).map((key, position) => {
    const { title, depth } = repairedMeta(sections.get(key), key, onRepair);
    // a section's body and fields are read again only after a change to them (sectionCache.ts)
    const content = cachedSection(ydoc, key, (repaired) => {
      const report: OnRepair = (_key, what) => repaired(what);
      const body = repairedBody(readBody(ydoc.getXmlFragment(bodyName(key)), () => repaired("body could not be read")), key, report);
      return { body, fields: repairedFields(ydoc.getMap(fieldsName(key)), key, report), text: docToText(body) };
    });
    for (const what of content.repairs) onRepair(key, what);
    return { key, title, depth, position, ...content.value };
  });
}
