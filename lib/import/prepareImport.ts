import { authorize, type Action } from "../access/policy";
import type { Ctx } from "../context";
import { walk, type PMDoc } from "../editor/schema";
import { InvalidInput } from "../errors";
import type { ImportedMarkdown } from "../markdown/importMarkdown";
import { loadMembership, type WorkspaceFacts } from "../workspaces/loadMembership";
import type { MemberRef } from "./fieldValues";
import { checkImportSize } from "./inputs";
import { runOffThread } from "./parsePool";
import type { MojibakeNotice } from "./readImport";

export type { MojibakeNotice } from "./readImport";

export interface ContentCounts {
  sections: number;
  tables: number;
  codeBlocks: number;
  mermaid: number;
  taskItems: number;
}

export interface PreparedImport extends WorkspaceFacts {
  imported: ImportedMarkdown;
  members: MemberRef[];
  /** what the file looks like mis-decoded as, whether or not it was repaired */
  mojibake: MojibakeNotice | null;
  repaired: boolean;
}

/** Titles from a file name: "payments-ledger.md" → "payments-ledger". */
export function titleFromFileName(fileName: string | undefined): string | null {
  const base = fileName?.split(/[\\/]/).pop()?.replace(/\.[^.]+$/, "").trim();
  return base ? base.slice(0, 200) : null;
}

/**
 * The shared first steps of every import: size (ImportTooLarge past MAX_IMPORT_BYTES),
 * membership and `action`, a refusal of empty or binary input (InvalidInput), then on a parse
 * worker (`readImport`): mojibake detection and — only when `repair` is set — its repair, and
 * the Markdown parse (InvalidInput for bad front matter; ServiceUnavailable when the parse
 * outlasts its time limit). Writes nothing.
 */
export async function prepareImport(ctx: Ctx, input: { slug: string; markdown: string; repairMojibake: boolean }, action: Action): Promise<PreparedImport> {
  checkImportSize(input.markdown);
  const facts = await loadMembership(ctx, input.slug);
  authorize(facts.membership, action);
  if (!input.markdown.trim()) throw new InvalidInput("The file is empty.", { markdown: ["Paste Markdown text or choose a file."] });
  if (input.markdown.includes("\u0000")) throw new InvalidInput("This is not a text file. Choose a Markdown (.md) file.", { markdown: ["binary content"] });
  const { imported, mojibake, repaired } = await runOffThread("readImport", input.markdown, input.repairMojibake);
  const rows = await ctx.db.membership.findMany({ where: { workspaceId: facts.workspace.id }, include: { user: true } });
  const members = rows.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email }));
  return { ...facts, imported, members, mojibake, repaired };
}

/** How much of each kind of block the sections hold, for the preview and the tests. */
export function countContent(bodies: PMDoc[]): ContentCounts {
  const counts: ContentCounts = { sections: bodies.length, tables: 0, codeBlocks: 0, mermaid: 0, taskItems: 0 };
  for (const body of bodies) {
    walk(body, (node) => {
      if (node.type === "table") counts.tables++;
      else if (node.type === "codeBlock") counts.codeBlocks++;
      else if (node.type === "mermaid") counts.mermaid++;
      else if (node.type === "taskItem") counts.taskItems++;
    });
  }
  return counts;
}
