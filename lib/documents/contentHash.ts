import type { PMDoc } from "../editor/schema";
import type { FieldValue } from "../templates/instantiate";
import { contentHash } from "../util/hash";

export interface HashableSection {
  key: string;
  title: string;
  depth: number;
  fields: Record<string, FieldValue>;
  body: PMDoc;
}

/**
 * The hash a document's content is known by (approvals bind to it, exports print it):
 * every section's key, title, depth, field values and body, in order.
 */
export function hashSections(sections: HashableSection[]): string {
  return contentHash(sections.map((s) => ({ key: s.key, title: s.title, depth: s.depth, fields: s.fields, body: s.body })));
}
