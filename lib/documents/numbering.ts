import type { DbTx } from "../db";

/**
 * Decision numbers: every document gets one when it is created, `<prefix>-<number>` with the
 * number padded to four digits (ADR-0007, RFC-0012). The prefix is the template's own
 * `numberPrefix`, or made from its name: one word gives its first four letters (ADR, RFC,
 * PROP), several give their initials (Technical Design: TD). The prefix is kept on the
 * document, so renaming the template later renumbers nothing, and a number once given is
 * never given again in that workspace, not even after its document is deleted.
 */
export const NUMBER_PREFIX = /^[A-Z][A-Z0-9]{0,9}$/;

/** The prefix a template gives its documents (the migration that numbered older documents does the same in SQL). */
export function numberPrefixFor(template: { name: string; numberPrefix?: string }): string {
  if (template.numberPrefix) return template.numberPrefix;
  const words = template.name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (!words.length) return "DOC";
  const prefix = words.length === 1 ? words[0]!.slice(0, 4) : words.map((w) => w[0]).join("").slice(0, 5);
  const upper = prefix.toUpperCase();
  // a prefix starts with a letter: "2024 Plan" numbers as DOC
  return /^[A-Z]/.test(upper) ? upper : "DOC";
}

/** ADR-0007 */
export function formatNumber(prefix: string | null, number: number | null): string | null {
  return prefix && number !== null ? `${prefix}-${String(number).padStart(4, "0")}` : null;
}

/** "ADR-0007" or "adr-7" → { prefix: "ADR", number: 7 }; null for anything else. */
export function parseNumber(text: string): { prefix: string; number: number } | null {
  const match = /^([A-Za-z][A-Za-z0-9]{0,9})-(\d{1,9})$/.exec(text);
  return match ? { prefix: match[1]!.toUpperCase(), number: Number(match[2]) } : null;
}

/**
 * The next number for `prefix` in the workspace, taken in the caller's transaction. The
 * counter's row is written with one upsert, so two documents created at the same moment
 * wait for each other on that row and never share a number.
 */
export async function allocateNumber(db: DbTx, workspaceId: string, prefix: string): Promise<number> {
  const rows = await db.$queryRaw<{ last: number }[]>`
    INSERT INTO "DocumentCounter" ("workspaceId", "prefix", "last") VALUES (${workspaceId}, ${prefix}, 1)
    ON CONFLICT ("workspaceId", "prefix") DO UPDATE SET "last" = "DocumentCounter"."last" + 1
    RETURNING "last"`;
  return rows[0]!.last;
}

/**
 * The number a document brings with it (an imported file's `number: ADR-0007`) when it is
 * this prefix's and free in the workspace, else the next one (`allocateNumber`). The
 * counter's row is locked while the number is checked, and moves past a number claimed
 * ahead of it, so later documents never take it.
 */
export async function claimNumber(db: DbTx, workspaceId: string, prefix: string, wanted: string | null): Promise<number> {
  const parsed = wanted ? parseNumber(wanted) : null;
  if (!parsed || parsed.prefix !== prefix || parsed.number < 1) return allocateNumber(db, workspaceId, prefix);
  await db.$executeRaw`INSERT INTO "DocumentCounter" ("workspaceId", "prefix", "last") VALUES (${workspaceId}, ${prefix}, 0) ON CONFLICT ("workspaceId", "prefix") DO NOTHING`;
  await db.$queryRaw`SELECT "last" FROM "DocumentCounter" WHERE "workspaceId" = ${workspaceId} AND "prefix" = ${prefix} FOR UPDATE`;
  // trashed documents keep their numbers too
  const taken = await db.document.findFirst({ where: { workspaceId, numberPrefix: prefix, number: parsed.number }, select: { id: true } });
  if (taken) return allocateNumber(db, workspaceId, prefix);
  await db.$executeRaw`UPDATE "DocumentCounter" SET "last" = GREATEST("last", ${parsed.number}) WHERE "workspaceId" = ${workspaceId} AND "prefix" = ${prefix}`;
  return parsed.number;
}
