import { withoutUnstorable } from "../util/storableText";
import * as Y from "yjs";
import { normalizeDoc } from "../editor/documentSchema";
import { emptyDoc, type PMDoc, type PMNode } from "../editor/schema";
import type { FieldValue } from "../templates/instantiate";
import { sharedTextValue } from "./sharedText";

// Reading a stored Y.Doc never throws (issue 14): whatever an older server or a hostile
// client left in it is repaired for the projection, keeping every piece of text.

/** Called for every repair, with the section key and what was repaired. */
export type OnRepair = (sectionKey: string, what: string) => void;

/** The string without what PostgreSQL refuses (NUL, lone surrogates). */
export const storableText = withoutUnstorable;

function cleanJson(value: unknown): unknown {
  if (typeof value === "string") return storableText(value);
  if (Array.isArray(value)) return value.map(cleanJson);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanJson(v)]));
  return value;
}

/** Every piece of text in a JSON node, one entry per block that holds text. */
function textBlocks(node: unknown, out: string[]): void {
  if (!node || typeof node !== "object") return;
  const { text, content, attrs } = node as { text?: unknown; content?: unknown; attrs?: { source?: unknown } };
  if (typeof text === "string") return void out.push(text);
  if (typeof attrs?.source === "string" && attrs.source) out.push(attrs.source);
  const children = Array.isArray(content) ? content : [];
  if (children.some((c) => typeof (c as { text?: unknown } | null)?.text === "string")) {
    out.push(children.map((c) => (typeof (c as { text?: unknown } | null)?.text === "string" ? (c as { text: string }).text : "")).join(""));
    return;
  }
  children.forEach((c) => textBlocks(c, out));
}

function asParagraphs(node: unknown): PMNode[] {
  const lines: string[] = [];
  textBlocks(node, lines);
  return lines.filter((l) => l.trim()).map((l) => ({ type: "paragraph", content: [{ type: "text", text: l }] }));
}

/**
 * The canonical body for the projection. A body the schema refuses keeps every block it
 * accepts; the others become paragraphs of their text.
 */
export function repairedBody(json: unknown, key: string, onRepair: OnRepair): PMDoc {
  const cleaned = cleanJson(json) as PMDoc;
  if (JSON.stringify(cleaned) !== JSON.stringify(json)) onRepair(key, "text that cannot be stored");
  try {
    return normalizeDoc(cleaned);
  } catch {
    onRepair(key, "body outside the schema");
  }
  const blocks = (Array.isArray(cleaned?.content) ? cleaned.content : []).flatMap((block) => {
    try {
      return normalizeDoc({ type: "doc", content: [block] }).content;
    } catch {
      return asParagraphs(block);
    }
  });
  return blocks.length ? { type: "doc", content: blocks } : emptyDoc();
}

/** A section's title and depth, whatever its entry in the `sections` map holds. */
export function repairedMeta(meta: unknown, key: string, onRepair: OnRepair): { title: string; depth: number } {
  if (!(meta instanceof Y.Map)) {
    onRepair(key, "section entry");
    return { title: typeof meta === "string" ? storableText(meta).slice(0, 500) : "", depth: 1 };
  }
  const rawTitle: unknown = meta.get("title");
  const rawDepth: unknown = meta.get("depth");
  const title = typeof rawTitle === "string" ? storableText(rawTitle).slice(0, 500) : rawTitle === undefined ? "" : storableText(String(rawTitle)).slice(0, 500);
  if (title !== (rawTitle ?? "")) onRepair(key, "title");
  const number = Number(rawDepth ?? 1);
  const depth = Number.isFinite(number) ? Math.min(Math.max(Math.round(number), 1), 6) : 1;
  if (depth !== rawDepth && rawDepth !== undefined) onRepair(key, "depth");
  return { title, depth };
}

/** A section's field values: text, lists of text or null; anything else is turned into text or left out. */
const nullable = (value: string | null): string | null => (value === null ? null : storableText(value));

export function repairedFields(map: Y.Map<unknown>, key: string, onRepair: OnRepair): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [field, value] of map.entries()) {
    const name = storableText(field);
    if (value === null || typeof value === "string") out[name] = value === null ? null : storableText(value);
    else if (value instanceof Y.Text) out[name] = nullable(sharedTextValue(value)); // shared text (sharedText.ts)
    else if (Array.isArray(value) && value.every((v) => typeof v === "string")) out[name] = value.map(storableText);
    else if (typeof value === "number" || typeof value === "boolean") {
      out[name] = String(value);
      onRepair(key, `field ${name}`);
    } else onRepair(key, `field ${name} dropped`);
    if (typeof value === "string" && out[name] !== value) onRepair(key, `field ${name}`);
  }
  return out;
}
