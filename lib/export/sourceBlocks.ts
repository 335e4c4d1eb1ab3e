import type { PMNode } from "../editor/schema";
import { contentHash } from "../util/hash";
import type { MarkdownLayout } from "./layout";
import { blocksMarkdown } from "./sharedDefinitions";

export type StoredBlock = NonNullable<MarkdownLayout["blocks"]>[string][number];

/** The hash a run of top-level body nodes is known by (canonical JSON, so stored key order does not matter). */
export function blockHash(nodes: PMNode[]): string {
  return contentHash(nodes);
}

/** The next stored block, at or after `from`, that the nodes at `at` still are; -1 when none is. */
function matchAt(content: PMNode[], at: number, stored: StoredBlock[], from: number): number {
  for (let j = from; j < stored.length; j++) {
    const b = stored[j]!;
    if (b.count > 0 && at + b.count <= content.length && blockHash(content.slice(at, at + b.count)) === b.hash) return j;
  }
  return -1;
}

/**
 * A section body as Markdown, each block the file had and the editor has not changed written
 * exactly as the file wrote it (with the blank lines after it while the next block is also
 * unchanged), every other block written by the converter. Pure.
 */
export function bodyMarkdown(content: PMNode[], stored: StoredBlock[] | undefined, definitions: PMNode[]): string {
  if (!stored?.length) return blocksMarkdown(content, definitions);
  let out = "";
  let previous = -1;
  let run: PMNode[] = [];
  let next = 0;
  const flush = () => {
    if (!run.length) return;
    out += (out ? "\n\n" : "") + blocksMarkdown(run, definitions);
    run = [];
    previous = -1;
  };
  for (let at = 0; at < content.length; ) {
    const j = matchAt(content, at, stored, next);
    if (j < 0) {
      run.push(content[at]!);
      at++;
      continue;
    }
    flush();
    const b = stored[j]!;
    const joint = previous >= 0 && previous === j - 1 ? stored[previous]!.gap : "\n\n";
    out += (out ? joint : "") + b.source;
    previous = j;
    next = j + 1;
    at += b.count;
  }
  flush();
  return out;
}
