import { isMap, isScalar, parseDocument, stringify } from "yaml";
import { reviewersValue, sameYamlValue, type ExportReviewer } from "../export/markdown";
import { readFrontMatter, splitFrontMatter } from "../markdown/frontMatter";

/** The key Specwright's own front matter lists approvals under. */
export const APPROVALS_KEY = "reviewers";
/** Where the approvals go in a file whose own `reviewers` key means something else (a list of names, say). */
export const OWN_APPROVALS_KEY = "specwright_reviewers";

/** The source without one top-level key (its key, value and the rest of the value's last line). */
export function withoutKey(source: string, key: string): string {
  const doc = parseDocument(source, { schema: "failsafe" });
  if (!isMap(doc.contents)) return source;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  const from = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  const valueEnd = (pair?.value as { range?: [number, number, number] } | null | undefined)?.range?.[1];
  if (from === undefined) return source;
  let to = valueEnd ?? (isScalar(pair?.key) ? (pair.key.range?.[1] ?? from) : from);
  const newline = source.indexOf("\n", Math.max(0, to - 1));
  to = newline === -1 ? source.length : newline + 1;
  return `${source.slice(0, from)}${source.slice(to)}`;
}

/** Whether a `reviewers` value is a list of approvals as Specwright writes them (an earlier commit's), not the file's own. */
export function isApprovalList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((v) => v !== null && typeof v === "object" && "role" in v && "content_hash" in v);
}

/**
 * A file as Git sync commits it: the export's bytes, with the document's approvals (role,
 * approver, decision, date and the content hash each approved, as Specwright's own front matter
 * lists them) in its front matter. A file whose `reviewers` already reads as those approvals
 * (a document written here, or a Specwright export) is left as it is. Otherwise they are
 * appended as the last key — `reviewers` when the file has none or holds approvals as
 * Specwright writes them (an earlier commit's, replaced), `specwright_reviewers` when its own
 * `reviewers` means something else — and every other byte stays; a file with no front
 * matter gets a block holding only them. Nothing is added while there are no approvals, nor to
 * front matter that is not a YAML mapping (the commit message still lists them). Pure.
 */
export function withApprovals(markdown: string, reviewers: ExportReviewer[]): string {
  const value = reviewersValue(reviewers);
  const { block, rest } = splitFrontMatter(markdown);
  if (!block) {
    if (!value.length) return markdown;
    const bom = markdown.startsWith("\uFEFF") ? "\uFEFF" : "";
    return `${bom}---\n${stringify({ [APPROVALS_KEY]: value }, { lineWidth: 0 })}---\n\n${rest}`;
  }
  const { data, error } = readFrontMatter(block.source);
  if (error) return markdown;
  if (APPROVALS_KEY in data && sameYamlValue(data[APPROVALS_KEY], value)) return markdown;
  const key = !(APPROVALS_KEY in data) || isApprovalList(data[APPROVALS_KEY]) ? APPROVALS_KEY : OWN_APPROVALS_KEY;
  if (key in data && sameYamlValue(data[key], value)) return markdown;
  if (!value.length && !(key in data)) return markdown;
  const eol = block.open.endsWith("\r\n") ? "\r\n" : "\n";
  let source = key in data ? withoutKey(block.source, key) : block.source;
  if (source && !source.endsWith("\n")) source += eol;
  const added = stringify({ [key]: value }, { lineWidth: 0 }).replace(/\n/g, eol);
  return `${block.open}${source}${added}${block.close}${rest}`;
}
