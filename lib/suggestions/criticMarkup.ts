import type { PMDoc, PMNode } from "../editor/schema";
import { ANCHOR, hasSuggestions } from "./accepted";

// Private-use characters stand for CriticMarkup's delimiters while the body goes through the
// Markdown writer (which would escape "{", "+" and "~"), and are replaced in what it wrote.
const INSERT_OPEN = "\uE000";
const INSERT_CLOSE = "\uE001";
const DELETE_OPEN = "\uE002";
const DELETE_CLOSE = "\uE003";

function marked(node: PMNode): PMNode | null {
  const kind = node.marks?.find((m) => (m.type as string) === "insertion" || (m.type as string) === "deletion")?.type as string | undefined;
  if (node.type === "text") {
    const text = (node.text ?? "").split(ANCHOR).join("");
    if (!text) return null;
    const marks = node.marks?.filter((m) => !["insertion", "deletion", "modification"].includes(m.type as string));
    const base: PMNode = { type: "text", text, ...(marks?.length ? { marks } : {}) };
    if (kind === "insertion") return { ...base, text: `${INSERT_OPEN}${text}${INSERT_CLOSE}` };
    if (kind === "deletion") return { ...base, text: `${DELETE_OPEN}${text}${DELETE_CLOSE}` };
    return base;
  }
  if (!node.content) return node;
  const content = node.content.map(marked).filter((c): c is PMNode => c !== null);
  return { ...node, content };
}

/**
 * A body whose open suggestions are written as CriticMarkup once it is Markdown
 * (`criticMarkup`): inserted text `{++like this++}`, deleted text `{--like this--}`, a
 * replacement `{~~old~>new~~}`. Formatting inside a suggestion stays Markdown.
 */
export function withCriticMarks(body: PMDoc): PMDoc {
  return hasSuggestions(body) ? (marked(body) as PMDoc) : body;
}

/** The Markdown written from `withCriticMarks` bodies, with CriticMarkup's delimiters in place. */
export function criticMarkup(markdown: string): string {
  return markdown
    .replace(new RegExp(`${INSERT_CLOSE}${INSERT_OPEN}`, "g"), "")
    .replace(new RegExp(`${DELETE_CLOSE}${DELETE_OPEN}`, "g"), "")
    .replace(new RegExp(`${DELETE_OPEN}([^${DELETE_CLOSE}]*)${DELETE_CLOSE}${INSERT_OPEN}([^${INSERT_CLOSE}]*)${INSERT_CLOSE}`, "g"), "{~~$1~>$2~~}")
    .replaceAll(INSERT_OPEN, "{++")
    .replaceAll(INSERT_CLOSE, "++}")
    .replaceAll(DELETE_OPEN, "{--")
    .replaceAll(DELETE_CLOSE, "--}");
}
