import { stringify } from "yaml";
import { OWNED_KEYS, type MarkdownLayout } from "../export/layout";
import { sameYamlValue } from "../export/markdown";
import { readFrontMatter, setFrontMatterValues, splitFrontMatter } from "../markdown/frontMatter";
import { APPROVALS_KEY, OWN_APPROVALS_KEY, isApprovalList, withoutKey } from "./approvalsFrontMatter";

/** Why a front matter key the repository changed is not brought in. */
export type RefusedReason = "written here" | "owned" | "field" | "both" | "unreadable";

export interface FrontMatterIn {
  /** the document's front matter source with the repository's changes in it; null when nothing changes */
  source: string | null;
  /** keys the repository changed that are not brought in, with why */
  refused: { key: string; reason: RefusedReason }[];
}

/** A file's front matter data without the approvals Git sync adds to it; null when it is not a YAML mapping. */
function fileData(markdown: string): Record<string, unknown> | null {
  const { block } = splitFrontMatter(markdown);
  if (!block) return {};
  const { data, error } = readFrontMatter(block.source);
  if (error) return null;
  const own = { ...data };
  if (isApprovalList(own[APPROVALS_KEY])) delete own[APPROVALS_KEY];
  delete own[OWN_APPROVALS_KEY];
  return own;
}

const has = (data: Record<string, unknown>, key: string) => Object.prototype.hasOwnProperty.call(data, key);

/** Whether a key has the same value, or is absent, in both. */
function same(a: Record<string, unknown>, b: Record<string, unknown>, key: string): boolean {
  return has(a, key) === has(b, key) && (!has(a, key) || sameYamlValue(a[key], b[key]));
}

/**
 * The repository's edits to a kept file's front matter, as the document's own front matter
 * (`Document.metadata`, exported as written) takes them: keys changed, added or removed since
 * the last sync (`base`) are written into `metadata` where the rest of its text stays byte for
 * byte. Refused, and named: every key of a document written here (its front matter is made
 * from its fields), keys Specwright writes itself (title, status, approvals…), keys that
 * filled a field, keys Specwright's side changed too, and front matter that is not a YAML
 * mapping. Pure.
 */
export function frontMatterFromRepository(input: { base: string; incoming: string; metadata: string | null; layout: MarkdownLayout | null }): FrontMatterIn {
  const base = fileData(input.base);
  const incoming = fileData(input.incoming);
  if (base === null || incoming === null) return { source: null, refused: base === null && incoming === null ? [] : [{ key: "front matter", reason: "unreadable" }] };
  const changed = [...new Set([...Object.keys(base), ...Object.keys(incoming)])].filter((key) => !same(base, incoming, key));
  if (!changed.length) return { source: null, refused: [] };
  if (!input.layout) return { source: null, refused: changed.map((key) => ({ key, reason: "written here" })) };
  const current = readFrontMatter(input.metadata ?? "");
  if (current.error) return { source: null, refused: changed.map((key) => ({ key, reason: "unreadable" })) };
  const owned = new Set<string>(OWNED_KEYS);
  const fields = new Set(input.layout.fieldKeys.map((f) => f.key));
  const refused: FrontMatterIn["refused"] = [];
  let source = input.metadata ?? "";
  for (const key of changed) {
    if (owned.has(key)) refused.push({ key, reason: "owned" });
    else if (fields.has(key)) refused.push({ key, reason: "field" });
    else if (!same(current.data, base, key) && !same(current.data, incoming, key)) refused.push({ key, reason: "both" });
    else if (!has(incoming, key)) source = withoutKey(source, key);
    else if (has(current.data, key)) source = setFrontMatterValues(source, { [key]: incoming[key] });
    else source = `${source && !source.endsWith("\n") ? `${source}\n` : source}${stringify({ [key]: incoming[key] }, { lineWidth: 0 })}`;
  }
  return { source: source === (input.metadata ?? "") ? null : source, refused };
}

const REASONS: Record<RefusedReason, string> = {
  "written here": "this document's front matter is written from its fields: change them in Specwright",
  owned: "Specwright writes it from the document",
  field: "it fills a field: change the field in Specwright",
  both: "it was changed in Specwright too",
  unreadable: "the front matter is not a YAML mapping",
};

/** One line naming each refused key and why, for the connection's last error. */
export function describeRefused(file: string, refused: FrontMatterIn["refused"]): string {
  const parts = refused.map((r) => `${r.key} (${REASONS[r.reason]})`);
  return `${file}: front matter not brought in, the next commit writes this document's: ${parts.join(", ")}`;
}
