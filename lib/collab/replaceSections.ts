import * as Y from "yjs";
import { ORDER, writeSection, type SectionContent } from "./ydoc";

/** Content to put into a document: sections to write, and optionally the whole section order. */
export interface Replacement {
  sections: SectionContent[];
  /** the complete order after the change; sections left out are removed (their content stays, as with delete) */
  order?: string[];
  /** where a section that is not in the document goes back in, by key */
  positions?: Record<string, number>;
}

/** Writes whole sections (replacing, never merging, their content) and sets the order, in one transaction. */
export function replaceSections(ydoc: Y.Doc, replacement: Replacement): void {
  ydoc.transact(() => {
    const order = ydoc.getArray<string>(ORDER);
    for (const section of replacement.sections) {
      writeSection(ydoc, section, Math.min(Math.max(replacement.positions?.[section.key] ?? order.length, 0), order.length));
    }
    if (replacement.order) {
      order.delete(0, order.length);
      order.insert(0, replacement.order);
    }
  });
}
