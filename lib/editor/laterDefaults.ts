import type { PMMark, PMNode } from "./schema";

/**
 * Attributes added to existing nodes and marks after documents were first stored, with their
 * defaults. Canonical JSON leaves them out while they hold the default, so a stored body
 * that does not use them keeps the JSON, and so the content hash and its approvals, it had.
 */
const LATER_DEFAULTS: Record<string, Record<string, unknown>> = {
  codeBlock: { meta: null },
  listItem: { checked: null },
  mermaid: { meta: null },
  bulletList: { spread: false },
  orderedList: { spread: false },
  taskList: { spread: false, start: null },
  link: { reference: null, referenceType: null, autolink: null },
};

/**
 * `node` (changed in place) without the later attributes that hold their defaults. Its attrs
 * object is replaced, never changed: ProseMirror's `toJSON` hands out the node's own attrs,
 * which for a node made with default attributes is its type's shared default-attributes
 * object; deleting from that changed every later node of the type.
 */
export function withoutLaterDefaults<T extends PMNode | PMMark>(node: T): T {
  const defaults = LATER_DEFAULTS[node.type];
  if (defaults && node.attrs) {
    const attrs = Object.fromEntries(Object.entries(node.attrs).filter(([name, value]) => !(name in defaults && defaults[name] === value)));
    if (Object.keys(attrs).length) node.attrs = attrs;
    else delete node.attrs;
  }
  if ("content" in node) node.content?.forEach(withoutLaterDefaults);
  if ("marks" in node) node.marks?.forEach(withoutLaterDefaults);
  return node;
}
