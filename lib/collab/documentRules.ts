import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { fieldProblem } from "../documents/validateFields";
import { documentSchema } from "../editor/documentSchema";
import { safeDocumentHref, safeImageSrc } from "../editor/documentUrls";
import { isStorableText } from "../util/storableText";
import type { FieldValue } from "../templates/instantiate";
import type { FieldDef } from "../templates/schema";
import { bodyName, fieldsName, ORDER, SECTIONS } from "./ydoc";

// What a Y.Doc may hold, checked like the documents API checks a write (issue 14): the
// collaboration server refuses an update that adds a problem listed here.

export const LIMITS = { sections: 500, order: 2000, title: 500, maxDepth: 6, fields: 50, fieldText: 10_000, listItems: 100, listItem: 200, attr: 200, label: 1000, url: 2048, html: 100_000 } as const;

export const SECTION_KEY = /^[A-Za-z0-9_-]{1,80}$/;
/** True when PostgreSQL can store the string as text (no NUL, no lone surrogate). */
export const storable = isStorableText;

/** The part of the document layout a root type name stands for. */
export type Part = { kind: "order" } | { kind: "sections" } | { kind: "fields"; key: string } | { kind: "body"; key: string } | { kind: "unknown"; name: string };

/** Which part of the layout (see ydoc.ts) a root name is; anything else is unknown. */
export function partOf(name: string): Part {
  if (name === ORDER) return { kind: "order" };
  if (name === SECTIONS) return { kind: "sections" };
  const [prefix, key] = [name.slice(0, name.indexOf(":") + 1), name.slice(name.indexOf(":") + 1)];
  if (prefix === fieldsName("") && SECTION_KEY.test(key)) return { kind: "fields", key };
  if (prefix === bodyName("") && SECTION_KEY.test(key)) return { kind: "body", key };
  return { kind: "unknown", name: name.slice(0, 80) };
}

const text = (max: number) => (v: unknown) => typeof v === "string" && v.length <= max && storable(v);
const int = (min: number, max: number) => (v: unknown) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const optional = (check: (v: unknown) => boolean) => (v: unknown) => v === null || v === undefined || check(v);
const oneOf = (values: readonly string[]) => (v: unknown) => typeof v === "string" && values.includes(v);

type AttrRules = Record<string, (v: unknown) => boolean>;
const cellAttrs: AttrRules = {
  colspan: int(1, 100),
  rowspan: int(1, 100),
  colwidth: optional((v) => Array.isArray(v) && v.length <= 100 && v.every(int(0, 10_000))),
  align: optional(oneOf(["left", "right", "center"])),
};
const boolean = (v: unknown) => typeof v === "boolean";
const label = text(LIMITS.label);
const referenceType = optional(oneOf(["full", "collapsed", "shortcut"]));
const spread = { spread: optional(boolean) };
/** A link's or image's address: one we link to (`safeDocumentHref`), never javascript:, data: or the like. */
const safeLinkHref = (v: unknown) => typeof v === "string" && v.length <= LIMITS.url && storable(v) && safeDocumentHref(v) !== null;
const NODE_ATTRS: Record<string, AttrRules> = {
  heading: { level: int(1, 6) },
  bulletList: spread,
  orderedList: { start: int(0, 1_000_000), type: optional(oneOf(["1", "a", "A", "i", "I"])), ...spread },
  taskList: { ...spread, start: optional(int(0, 1_000_000)) },
  // whatever a Markdown fence names ("c++", "{r}"); it only ever becomes a class name
  codeBlock: { language: optional(text(60)), meta: optional(text(LIMITS.label)) },
  taskItem: { checked: boolean },
  // a task in a list that mixes tasks and plain items
  listItem: { checked: optional(boolean) },
  tableCell: cellAttrs,
  tableHeader: cellAttrs,
  mermaid: { source: text(100_000), meta: optional(text(LIMITS.label)) },
  placeholder: { label: text(LIMITS.attr) },
  // a member's id (checked against the workspace when the mention is notified) and name
  mention: { id: text(LIMITS.attr), label: text(LIMITS.attr) },
  // raw HTML is stored as text and only ever shown as text
  htmlBlock: { html: text(LIMITS.html) },
  htmlInline: { html: text(LIMITS.html) },
  image: {
    src: (v) => typeof v === "string" && v.length <= LIMITS.url && storable(v) && safeImageSrc(v) !== null,
    alt: text(LIMITS.label),
    title: optional(text(LIMITS.label)),
    reference: optional(label),
    referenceType,
  },
  footnoteReference: { identifier: label, label },
  footnoteDefinition: { identifier: label, label },
  // an unsafe target was made inert ("") on import
  definition: { identifier: label, label, url: (v) => v === "" || safeLinkHref(v), title: optional(text(LIMITS.label)) },
};
/** A suggestion's id: `<userId>:<time>:<random>` (lib/suggestions/ids.ts) or a number (the suggest package's default). */
const suggestionId = (v: unknown) => (typeof v === "string" && v.length <= 120 && storable(v)) || Number.isInteger(v);
const smallJson = (v: unknown) => v === null || v === undefined || (JSON.stringify(v)?.length ?? 0) <= LIMITS.attr;
const MARK_ATTRS: Record<string, AttrRules> = {
  insertion: { id: suggestionId },
  deletion: { id: suggestionId },
  modification: {
    id: suggestionId,
    type: oneOf(["attr", "mark", "nodeType"]),
    attrName: optional(text(LIMITS.label)),
    // what an attribute or node type was and becomes: small JSON
    previousValue: smallJson,
    newValue: smallJson,
  },
  link: {
    href: safeLinkHref,
    target: optional(text(LIMITS.attr)),
    rel: optional(text(LIMITS.attr)),
    class: optional(text(LIMITS.attr)),
    title: optional(text(LIMITS.label)),
    reference: optional(label),
    referenceType,
    autolink: optional(oneOf(["angle", "literal"])),
  },
};

function attrProblems(kind: string, name: string, attrs: unknown, rules: AttrRules | undefined, out: Set<string>): void {
  if (attrs === undefined || attrs === null || attrs === true) return;
  if (typeof attrs !== "object" || Array.isArray(attrs)) return void out.add(`${kind} ${name} has malformed attributes`);
  for (const [attr, value] of Object.entries(attrs as Record<string, unknown>)) {
    const rule = rules?.[attr];
    if (!rule) out.add(`${kind} ${name} has an unknown attribute ${attr.slice(0, 40)}`);
    else if (!rule(value)) out.add(`${kind} ${name} has an invalid ${attr}`);
  }
}

interface JsonNode {
  type?: unknown;
  attrs?: unknown;
  content?: unknown;
  marks?: unknown;
  text?: unknown;
}

function nodeProblems(node: JsonNode, out: Set<string>): void {
  const type = typeof node.type === "string" ? node.type : "";
  if (!documentSchema.nodes[type]) return void out.add(`unknown element ${type.slice(0, 40) || "(none)"}`);
  if (type === "text" && !(typeof node.text === "string" && storable(node.text))) out.add("text that cannot be stored");
  attrProblems("element", type, node.attrs, NODE_ATTRS[type], out);
  for (const mark of Array.isArray(node.marks) ? (node.marks as JsonNode[]) : []) {
    const markType = typeof mark.type === "string" ? mark.type : "";
    if (!documentSchema.marks[markType]) out.add(`unknown mark ${markType.slice(0, 40) || "(none)"}`);
    else attrProblems("mark", markType, mark.attrs, MARK_ATTRS[markType], out);
  }
  for (const child of Array.isArray(node.content) ? (node.content as JsonNode[]) : []) nodeProblems(child, out);
}

/** Whether a text holds only characters and their formatting (no embedded objects or types); read from its items, as `toDelta` would see them. */
function onlyText(text: Y.XmlText): boolean {
  for (let item = text._start; item !== null; item = item.right) {
    if (!item.deleted && !(item.content instanceof Y.ContentString || item.content instanceof Y.ContentFormat)) return false;
  }
  return true;
}

/** Every child of a rich-text body must be an element or text (no maps, arrays or raw values). */
function xmlShapeOk(parent: Y.XmlFragment | Y.XmlElement, readText = true): boolean {
  return parent.toArray().every((child: unknown) => {
    if (child instanceof Y.XmlText) return !readText || onlyText(child);
    return child instanceof Y.XmlElement && !(child instanceof Y.XmlHook) && xmlShapeOk(child, readText);
  });
}

/**
 * Adds the problems of rich text `node` (the body's fragment or one element of it) to `out`:
 * its shape, then its JSON (`json` reads it as ProseMirror JSON) against the rules and the
 * schema. `readText` false skips reading each text's items: an embedded object in a text
 * shows in its JSON as text that is not a string anyway (nodeProblems).
 */
function richTextProblems(node: Y.XmlFragment | Y.XmlElement, json: () => JsonNode, readText: boolean, out: Set<string>): void {
  try {
    if (!xmlShapeOk(node, readText)) return void out.add("a body holds something that is not rich text");
    const read = json();
    const before = out.size;
    nodeProblems(read, out);
    if (out.size === before) documentSchema.nodeFromJSON(read).check();
  } catch {
    out.add("a body does not fit the document schema");
  }
}

function bodyProblems(ydoc: Y.Doc, key: string, out: Set<string>): void {
  const fragment = ydoc.getXmlFragment(bodyName(key));
  if (!fragment.length) return;
  richTextProblems(fragment, () => ({ type: "doc", content: yXmlFragmentToProsemirrorJSON(fragment).content as unknown }), true, out);
}

/**
 * The problems of the paragraphs (or other elements) that hold `texts`, for a change that
 * only edited existing rich text: every changed type is a `Y.XmlText` inside an element, so
 * no element was added, removed, moved or given other attributes. Nothing else of the body
 * can have changed its problems then (a node's problems depend on its own type, attributes
 * and content; its parent's content rule only on the types of its children), so checking
 * those elements stands for checking the whole body, at the cost of a paragraph instead of
 * the section. Returns null when the change is not of that kind (check the whole part).
 */
export function textEditProblems(texts: Iterable<unknown>): Set<string> | null {
  const elements = new Set<Y.XmlElement>();
  for (const type of texts) {
    if (!(type instanceof Y.XmlText) || !(type.parent instanceof Y.XmlElement) || type.parent instanceof Y.XmlHook) return null;
    elements.add(type.parent);
  }
  const out = new Set<string>();
  for (const element of elements) {
    const json = () => {
      const attrs = element.getAttributes();
      return { type: element.nodeName, attrs: Object.keys(attrs).length ? attrs : undefined, content: (yXmlFragmentToProsemirrorJSON(element).content as unknown[]).flat() };
    };
    richTextProblems(element, json, false, out);
  }
  return out;
}

/** Elements whose content may be text: paragraphs, headings, code blocks. */
const TAKES_TEXT: ReadonlySet<string> = new Set(Object.values(documentSchema.nodes).filter((type) => type.contentMatch.matchType(documentSchema.nodes.text!)).map((type) => type.name));

/** Whether `item` is characters in an existing text of an element that takes text. */
function typedCharacters(item: Y.Item | Y.GC): item is Y.Item & { content: Y.ContentString } {
  if (!(item instanceof Y.Item) || !(item.content instanceof Y.ContentString)) return false;
  const text = item.parent;
  return text instanceof Y.XmlText && text.parent instanceof Y.XmlElement && !(text.parent instanceof Y.XmlHook) && TAKES_TEXT.has(text.parent.nodeName);
}

/**
 * Whether transaction `tr` (read in `afterTransaction`, before Yjs merges or collects its
 * items) only typed or deleted characters in paragraphs, headings or code blocks: every
 * item it added or deleted is a string in a text such an element holds, and every added
 * string can be stored. Such a change cannot add a problem: no element, mark or attribute
 * changed, and no element requires text, so nothing of the body needs reading (typing is
 * checked at the cost of the keystroke, not of the paragraph).
 */
export function typedOnly(tr: Y.Transaction): boolean {
  for (const [client, after] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    if (after === before) continue;
    const structs = tr.doc.store.clients.get(client) ?? [];
    for (let i = Y.findIndexSS(structs, before); i < structs.length && structs[i]!.id.clock < after; i++) {
      const item = structs[i]!;
      if (!typedCharacters(item) || !storable(item.content.str)) return false;
    }
  }
  let deletedOnlyCharacters = true;
  Y.iterateDeletedStructs(tr, tr.deleteSet, (item) => (deletedOnlyCharacters &&= typedCharacters(item)));
  return deletedOnlyCharacters;
}

function fieldValue(value: unknown): FieldValue | undefined {
  if (value === null || typeof value === "string") return value;
  if (value instanceof Y.Text) return value.toString();
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value as string[];
  return undefined;
}

const TYPED_FREELY: ReadonlySet<FieldDef["type"]> = new Set(["url", "version"]);

function fieldProblems(ydoc: Y.Doc, key: string, defs: FieldDef[] | undefined, out: Set<string>): void {
  const map = ydoc.getMap<unknown>(fieldsName(key));
  if (map.size > LIMITS.fields) out.add("too many fields");
  for (const [fieldKey, raw] of map.entries()) {
    const name = fieldKey.slice(0, 60);
    const value = fieldValue(raw);
    const def = defs?.find((f) => f.key === fieldKey);
    if (value === undefined) {
      out.add(`field ${name} holds a value of the wrong kind`);
      continue;
    }
    const strings = value === null ? [] : Array.isArray(value) ? value : [value];
    const tooLong = Array.isArray(value) ? value.length > LIMITS.listItems || value.some((v) => v.length > LIMITS.listItem) : (value?.length ?? 0) > LIMITS.fieldText;
    if (tooLong) out.add(`field ${name} is too long`);
    if (!strings.every(storable)) out.add(`field ${name} holds text that cannot be stored`);
    if (raw instanceof Y.Text && def && def.type !== "text" && def.type !== "longText") out.add(`field ${name} is not a text field`);
    if (defs && !def) out.add(`field ${name} is not a field of this section`);
    else if (def) {
      // URLs and versions arrive a keystroke at a time ("h", "ht", …): their format is
      // judged where the API and the submit gate judge it, here only their shape
      const problem = TYPED_FREELY.has(def.type) ? (Array.isArray(value) ? "must be text" : null) : fieldProblem(def, value, null);
      if (problem) out.add(`${def.label} ${problem}`);
    }
  }
}

function sectionsProblems(ydoc: Y.Doc, out: Set<string>): void {
  const sections = ydoc.getMap<unknown>(SECTIONS);
  if (sections.size > LIMITS.sections) out.add("too many sections");
  for (const [key, meta] of sections.entries()) {
    if (!SECTION_KEY.test(key)) out.add("a section key is not valid");
    if (!(meta instanceof Y.Map)) {
      out.add("a section entry is not a section");
      continue;
    }
    for (const [attr, value] of (meta as Y.Map<unknown>).entries()) {
      if (attr === "title") {
        if (!text(LIMITS.title)(value)) out.add("a section title is not valid text");
      } else if (attr === "depth") {
        if (!int(1, LIMITS.maxDepth)(value)) out.add(`a section depth is not a whole number from 1 to ${LIMITS.maxDepth}`);
      } else out.add(`a section has an unknown setting ${attr.slice(0, 40)}`);
    }
  }
}

function orderProblems(ydoc: Y.Doc, out: Set<string>): void {
  const order = ydoc.getArray<unknown>(ORDER);
  if (order.length > LIMITS.order) out.add("the section order is too long");
  if (!order.toArray().every((k) => typeof k === "string" && SECTION_KEY.test(k))) out.add("the section order holds something that is not a section key");
}

/**
 * What is wrong with one part of a document (a set of short sentences; empty when fine).
 * `fieldDefs` gives a section's template fields, undefined for a section the template
 * does not define (only shapes and sizes are checked then).
 */
export function partProblems(ydoc: Y.Doc, part: Part, fieldDefs: (sectionKey: string) => FieldDef[] | undefined): Set<string> {
  const out = new Set<string>();
  if (part.kind === "order") orderProblems(ydoc, out);
  else if (part.kind === "sections") sectionsProblems(ydoc, out);
  else if (part.kind === "fields") fieldProblems(ydoc, part.key, fieldDefs(part.key), out);
  else if (part.kind === "body") bodyProblems(ydoc, part.key, out);
  else out.add(`unknown document part ${part.name}`);
  return out;
}
