import { authorize, type Action } from "../access/policy";
import type { Ctx } from "../context";
import { InvalidInput } from "../errors";
import type { ImportedMarkdown } from "../markdown/importMarkdown";
import { loadMembership, type WorkspaceFacts } from "../workspaces/loadMembership";
import type { MemberRef } from "./fieldValues";
import { checkImportSize } from "./inputs";
import { runOffThread } from "./parsePool";
import type { MojibakeNotice } from "./readImport";

export type { MojibakeNotice } from "./readImport";
export { countContent, type ContentCounts } from "./planImport";

export interface CheckedImport extends WorkspaceFacts {
  members: MemberRef[];
}

export interface PreparedImport extends CheckedImport {
  imported: ImportedMarkdown;
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
 * The checks every import makes before reading the file: size (ImportTooLarge past
 * MAX_IMPORT_BYTES), membership and `action`, a refusal of empty or binary input
 * (InvalidInput); with the workspace's members. Writes nothing.
 */
export async function checkImport(ctx: Ctx, input: { slug: string; markdown: string }, action: Action): Promise<CheckedImport> {
  checkImportSize(input.markdown);
  const facts = await loadMembership(ctx, input.slug);
  authorize(facts.membership, action);
  if (!input.markdown.trim()) throw new InvalidInput("The file is empty.", { markdown: ["Paste Markdown text or choose a file."] });
  if (input.markdown.includes("\u0000")) throw new InvalidInput("This is not a text file. Choose a Markdown (.md) file.", { markdown: ["binary content"] });
  const rows = await ctx.db.membership.findMany({ where: { workspaceId: facts.workspace.id }, include: { user: true } });
  const members = rows.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email }));
  return { ...facts, members };
}

/**
 * The shared first steps of an import: `checkImport`, then on a parse worker (`readImport`):
 * mojibake detection and — only when `repair` is set — its repair, and the Markdown parse
 * (InvalidInput for bad front matter; ServiceUnavailable when the parse outlasts its time
 * limit). Writes nothing.
 */
export async function prepareImport(ctx: Ctx, input: { slug: string; markdown: string; repairMojibake: boolean }, action: Action): Promise<PreparedImport> {
  const checked = await checkImport(ctx, input, action);
  const { imported, mojibake, repaired } = await runOffThread("readImport", input.markdown, input.repairMojibake);
  return { ...checked, imported, mojibake, repaired };
}
