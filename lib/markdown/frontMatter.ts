import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node as YamlNode } from "yaml";

/** A front matter block exactly as a file has it: fences and YAML source, byte for byte. */
export interface FrontMatterBlock {
  /** the opening fence line with its line ending (`---\n`, with a BOM when the file had one) */
  open: string;
  /** the YAML between the fences, as written */
  source: string;
  /** the closing fence line with its line ending (`---\n`, `...\n`, or no newline at the end of a file) */
  close: string;
}

/** What the YAML says, read without rewriting a value: every scalar is the string written. */
export interface FrontMatterData {
  /** keys in file order; scalars as written (`created: 2020-01-01` stays that string) */
  data: Record<string, unknown>;
  /** why the source is not a YAML mapping; null when it is */
  error: string | null;
}

/** `---` at the very top, YAML, then a line of `---` (or `...`). */
const FRONT_MATTER = /^(\uFEFF?---[ \t]*(?:\r?\n))([\s\S]*?)^((?:---|\.\.\.)[ \t]*(?:\r?\n|$))/m;

/** Splits a leading front matter block from the rest; the rest starts right after the closing fence. */
export function splitFrontMatter(markdown: string): { block: FrontMatterBlock | null; rest: string } {
  const match = FRONT_MATTER.exec(markdown);
  if (!match || match.index !== 0) return { block: null, rest: markdown.replace(/^\uFEFF/, "") };
  const [all, open = "", source = "", close = ""] = match;
  return { block: { open, source, close }, rest: markdown.slice(all.length) };
}

/** The block as text: open + source + close. */
export function frontMatterText(block: FrontMatterBlock): string {
  return `${block.open}${block.source}${block.close}`;
}

function firstLine(message: string): string {
  // yaml's message is one line of reason, then a code frame
  return (message.split("\n")[0] ?? "").replace(/:\s*$/, "");
}

function parse(source: string): Document.Parsed {
  return parseDocument(source, { schema: "failsafe", uniqueKeys: true, prettyErrors: false });
}

/**
 * Reads front matter YAML without converting a value: the failsafe schema keeps every
 * scalar as the string written (dates, version numbers, `yes`). Never throws: YAML that is
 * not a mapping (MADR's `status: {proposed | rejected | …}` in some spellings) gives `{}`
 * and the reason, and the source is kept as it is by the caller.
 */
export function readFrontMatter(source: string): FrontMatterData {
  if (!source.trim()) return { data: {}, error: null };
  let doc: Document.Parsed;
  try {
    doc = parse(source);
  } catch (error) {
    return { data: {}, error: firstLine(error instanceof Error ? error.message : String(error)) };
  }
  const problem = doc.errors[0];
  if (problem) return { data: {}, error: firstLine(problem.message) };
  if (doc.contents === null) return { data: {}, error: null };
  if (!isMap(doc.contents)) return { data: {}, error: "it is not a mapping of keys to values" };
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  return { data: data !== null && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, error: null };
}

/** A value written inline after `key: `: plain or quoted as YAML needs, never a block. */
function inlineScalar(value: string): string {
  const written = stringify(value, { lineWidth: 0 }).trimEnd();
  return written.includes("\n") ? JSON.stringify(value) : written;
}

function sameValue(node: YamlNode | null | undefined, value: unknown): boolean {
  if (typeof value === "string") return isScalar(node) && String(node.value ?? "") === value;
  return (isSeq(node) || isMap(node)) && JSON.stringify(node.toJSON()) === JSON.stringify(value);
}

/**
 * Sets the values of existing top-level keys, touching nothing else: a string over a scalar
 * is replaced in place in the source (comments, spacing and the other keys stay byte for
 * byte); any other value is set through the YAML document, which keeps comments.
 * Keys the source does not have are not added. Source that is not a YAML mapping is returned
 * unchanged.
 */
export function setFrontMatterValues(source: string, values: Record<string, unknown>): string {
  const { error } = readFrontMatter(source);
  if (error) return source;
  let doc = parse(source);
  let text = source;
  const structural: [string, unknown][] = [];
  // replace scalars from the end, so earlier ranges stay valid
  const edits: { from: number; to: number; text: string }[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (!isMap(doc.contents)) return source;
    const pair = doc.contents.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (!pair) continue;
    const node = pair.value as YamlNode | null;
    if (sameValue(node, value)) continue;
    if (typeof value === "string" && isScalar(node) && node.range) {
      edits.push({ from: node.range[0], to: node.range[1], text: inlineScalar(value) });
    } else {
      structural.push([key, value]);
    }
  }
  for (const edit of edits.sort((a, b) => b.from - a.from)) text = `${text.slice(0, edit.from)}${edit.text}${text.slice(edit.to)}`;
  if (!structural.length) return text;
  doc = parse(text);
  for (const [key, value] of structural) doc.set(key, doc.createNode(value));
  return doc.toString({ lineWidth: 0 });
}
