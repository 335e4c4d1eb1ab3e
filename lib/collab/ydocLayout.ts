import * as Y from "yjs";
import { emptyDoc } from "../editor/schema";
import { fragmentToJson } from "./bodyJson";

/**
 * A document's content as one Y.Doc:
 * - `order`            Y.Array<string>   section keys in reading order
 * - `sections`         Y.Map<Y.Map>      key → { title, depth }
 * - `fields:<key>`     Y.Map             field key → value
 * - `body:<key>`       Y.XmlFragment     the section's rich text (the editor's collaboration binding)
 * Section order holds only keys, so reordering never copies (and never loses) content.
 */
// Free of ProseMirror: the page reads sections, their order and their text with this alone.
export const ORDER = "order";
export const SECTIONS = "sections";
export const fieldsName = (key: string) => `fields:${key}`;
export const bodyName = (key: string) => `body:${key}`;

/** Section keys in order, each once (concurrent moves may duplicate a key; the first wins). */
export function sectionOrder(ydoc: Y.Doc): string[] {
  const seen = new Set<string>();
  const sections = ydoc.getMap(SECTIONS);
  return ydoc
    .getArray<string>(ORDER)
    .toArray()
    .filter((key) => sections.has(key) && !seen.has(key) && seen.add(key));
}

/**
 * A section body's ProseMirror JSON as the fragment holds it (unchecked); a fragment the
 * binding cannot read comes back as its text in one paragraph, after `onUnreadable`.
 */
export function readBody(fragment: Y.XmlFragment, onUnreadable: () => void = () => {}): unknown {
  if (!fragment.length) return emptyDoc();
  try {
    return fragmentToJson(fragment);
  } catch {
    onUnreadable();
    return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: fragment.toString() }] }] };
  }
}
