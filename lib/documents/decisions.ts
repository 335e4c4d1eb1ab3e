import type { Ctx } from "../context";
import type { DbTx } from "../db";
import { NotFound } from "../errors";
import { formatNumber, parseNumber } from "./numbering";
import type { DocumentDto } from "./present";
import type { DocumentStatus } from "./status";

/** Another document, as a link names it: its number, title and status. */
export interface DocumentLinkDto {
  id: string;
  number: string | null;
  title: string;
  status: DocumentStatus;
}

/** Where a document stands among the decisions: why its status is what it is, what replaced it, what it replaced. */
export interface DecisionLinksDto {
  number: string | null;
  statusReason: string | null;
  supersededBy: DocumentLinkDto | null;
  supersedes: DocumentLinkDto[];
  /** the documents whose text links to this one (by number or by id) */
  referencedBy: DocumentLinkDto[];
}

const LINK = { id: true, numberPrefix: true, number: true, title: true, status: true } as const;

type LinkRow = { id: string; numberPrefix: string | null; number: number | null; title: string; status: DocumentStatus };

function presentLink(row: LinkRow): DocumentLinkDto {
  return { id: row.id, number: formatNumber(row.numberPrefix, row.number), title: row.title, status: row.status };
}

/**
 * The document's number, status reason, successor and the documents it superseded (live
 * ones only: a trashed successor is not shown), for a document the caller has loaded with
 * `document.view` checked (`getDocument`).
 */
export async function decisionLinks(db: DbTx, doc: Pick<DocumentDto, "id" | "number" | "statusReason" | "supersededById"> & { workspace: { id: string; slug: string } }): Promise<DecisionLinksDto> {
  const workspaceId = doc.workspace.id;
  const [successor, predecessors, referrers] = await Promise.all([
    doc.supersededById ? db.document.findFirst({ where: { id: doc.supersededById, workspaceId, deletedAt: null }, select: LINK }) : null,
    db.document.findMany({ where: { supersededById: doc.id, workspaceId, deletedAt: null }, select: LINK, orderBy: [{ numberPrefix: "asc" }, { number: "asc" }] }),
    referencesTo(db, doc.workspace, doc),
  ]);
  return {
    number: doc.number,
    statusReason: doc.statusReason,
    supersededBy: successor ? presentLink(successor) : null,
    supersedes: predecessors.map(presentLink),
    referencedBy: referrers.map(presentLink),
  };
}

/**
 * The workspace's live documents whose text links to `doc`: an address ending in
 * `/w/<slug>/d/<number>` or `…/d/<id>` (what "[[" and "#" insert, and a pasted page address),
 * read from the stored sections' JSON. Slugs, numbers and ids hold only letters, digits and
 * "-", so they go into the pattern as they are (anything else matches nothing).
 */
async function referencesTo(db: DbTx, workspace: { id: string; slug: string }, doc: { id: string; number: string | null }): Promise<LinkRow[]> {
  const workspaceId = workspace.id;
  const safe = (t: string) => /^[A-Za-z0-9-]+$/.test(t);
  const targets = safe(workspace.slug) ? [doc.id, ...(doc.number ? [doc.number] : [])].filter(safe) : [];
  if (!targets.length) return [];
  const patterns = targets.flatMap((t) => ["\"", "#", "?"].map((end) => `%/w/${workspace.slug}/d/${t}${end}%`));
  return db.$queryRaw<LinkRow[]>`
    SELECT d."id", d."numberPrefix", d."number", d."title", d."status"::text AS "status"
    FROM "Document" d
    WHERE d."workspaceId" = ${workspaceId} AND d."deletedAt" IS NULL AND d."id" <> ${doc.id}
      AND EXISTS (SELECT 1 FROM "Section" s WHERE s."documentId" = d."id" AND s."body"::text LIKE ANY(${patterns}))
    ORDER BY d."numberPrefix", d."number"`;
}

/** The workspace's live documents with a number, newest first: what "[[" and "#" in a document's text offer to link to. */
export async function referableDocuments(db: DbTx, workspaceId: string, exceptId: string): Promise<{ id: string; number: string; title: string }[]> {
  const rows = await db.document.findMany({
    where: { workspaceId, deletedAt: null, id: { not: exceptId }, number: { not: null } },
    select: { id: true, numberPrefix: true, number: true, title: true },
    orderBy: { updatedAt: "desc" },
    take: 500,
  });
  return rows.flatMap((r) => {
    const number = formatNumber(r.numberPrefix, r.number);
    return number ? [{ id: r.id, number, title: r.title }] : [];
  });
}

/**
 * The id of the workspace's document numbered `text` (ADR-0007, adr-7), for links that use
 * the number and keep working after a rename; NotFound for anything else, and for documents
 * of workspaces the actor is not in (the two look the same).
 */
export async function documentIdByNumber(ctx: Ctx, workspaceId: string, text: string): Promise<string> {
  const numbered = parseNumber(text);
  if (!numbered) throw new NotFound("Document");
  const row = await ctx.db.document.findFirst({ where: { workspaceId, numberPrefix: numbered.prefix, number: numbered.number, deletedAt: null }, select: { id: true } });
  if (!row) throw new NotFound("Document");
  return row.id;
}
