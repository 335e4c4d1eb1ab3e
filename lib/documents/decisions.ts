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
export async function decisionLinks(db: DbTx, doc: Pick<DocumentDto, "id" | "number" | "statusReason" | "supersededById"> & { workspace: { id: string } }): Promise<DecisionLinksDto> {
  const workspaceId = doc.workspace.id;
  const [successor, predecessors] = await Promise.all([
    doc.supersededById ? db.document.findFirst({ where: { id: doc.supersededById, workspaceId, deletedAt: null }, select: LINK }) : null,
    db.document.findMany({ where: { supersededById: doc.id, workspaceId, deletedAt: null }, select: LINK, orderBy: [{ numberPrefix: "asc" }, { number: "asc" }] }),
  ]);
  return {
    number: doc.number,
    statusReason: doc.statusReason,
    supersededBy: successor ? presentLink(successor) : null,
    supersedes: predecessors.map(presentLink),
  };
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
