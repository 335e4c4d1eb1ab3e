import type { PMDoc } from "../editor/schema";
import { acceptedSections } from "../suggestions/accepted";
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

/**
 * The hash of the accepted content: every open suggestion left out (lib/suggestions/accepted.ts).
 * Approvals bind to it, so a suggestion made after a sign-off does not make it stale, and
 * accepting one does. Equal to `hashSections` for a document nobody suggested in.
 */
export function hashAccepted(sections: HashableSection[]): string {
  return hashSections(acceptedSections(sections));
}
