import { authorize } from "../access/policy";
import type { Ctx } from "../context";
import type { Prisma } from "../db";
import { loadMembership } from "../workspaces/loadMembership";
import { cursorOf, readCursor, WorkspaceActivityQuery } from "./schema";
import { describeWorkspaceActivity } from "./text";

/** Entries per page. */
export const PAGE_SIZE = 50;

/** The API token an entry was made through (or is about). */
export interface ViaTokenDto {
  id: string;
  /** null: a token since deleted with its maker */
  name: string | null;
  /** a person's own token rather than the workspace's */
  personal: boolean;
}

export interface WorkspaceActivityDto {
  id: string;
  kind: string;
  at: string;
  actor: string;
  /** what happened, in words, after the actor's name */
  text: string;
  /** the document the entry is about (still in the workspace) */
  document: { id: string; title: string } | null;
  via: ViaTokenDto | null;
}

export interface WorkspaceActivityPage {
  entries: WorkspaceActivityDto[];
  /** `before` for the next (older) page; null on the last */
  next: string | null;
  /** the token the page is filtered to */
  token: ViaTokenDto | null;
  /** the workspace's tokens (newest first), to filter by */
  tokens: ViaTokenDto[];
}

const TOKEN_CHOICES = 100;

type Row = { id: string; kind: string; actorId: string | null; subjectId: string | null; data: Prisma.JsonValue; createdAt: Date };

const dataOf = (r: Row) => (r.data && typeof r.data === "object" && !Array.isArray(r.data) ? r.data : {}) as Record<string, unknown>;

/** The token an entry names: a change made through it (`data.viaToken`), or the token's own creation, first use or revocation. */
function tokenOf(r: Row): string | null {
  const via = dataOf(r).viaToken;
  if (typeof via === "string") return via;
  return r.kind.startsWith("apiToken.") ? r.subjectId : null;
}

/**
 * A page of the workspace's activity log, newest first (PAGE_SIZE entries, then `next`),
 * each entry in words with the API token it was made through by name. `token` keeps only
 * that token's entries. Reads one indexed range of the workspace's log. Requires
 * `activity.view` (admins); NotFound outside the actor's workspaces.
 */
export async function listWorkspaceActivity(ctx: Ctx, raw: WorkspaceActivityQuery): Promise<WorkspaceActivityPage> {
  const input = WorkspaceActivityQuery.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, input.slug);
  authorize(membership, "activity.view");
  const where: Prisma.ActivityWhereInput = { workspaceId: workspace.id };
  const and: Prisma.ActivityWhereInput[] = [];
  if (input.token) and.push({ OR: [{ data: { path: ["viaToken"], equals: input.token } }, { kind: { startsWith: "apiToken." }, subjectId: input.token }] });
  if (input.before) {
    const { at, id } = readCursor(input.before);
    and.push({ OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] });
  }
  const rows: Row[] = await ctx.db.activity.findMany({
    where: { ...where, ...(and.length ? { AND: and } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: { id: true, kind: true, actorId: true, subjectId: true, data: true, createdAt: true },
  });
  const page = rows.slice(0, PAGE_SIZE);
  const tokenIds = [...new Set([...page.map(tokenOf), input.token ?? null].filter((id): id is string => Boolean(id)))];
  const [people, tokens, documents, choices] = await Promise.all([
    ctx.db.user.findMany({ where: { id: { in: [...new Set(page.map((r) => r.actorId).filter((id): id is string => Boolean(id)))] } }, select: { id: true, name: true } }),
    // a workspace's token, or a person's own (which acts wherever they are a member)
    ctx.db.apiToken.findMany({ where: { id: { in: tokenIds }, OR: [{ workspaceId: workspace.id }, { workspaceId: null }] }, select: { id: true, name: true, workspaceId: true } }),
    ctx.db.document.findMany({ where: { workspaceId: workspace.id, id: { in: [...new Set(page.map((r) => r.subjectId).filter((id): id is string => Boolean(id)))] } }, select: { id: true, title: true } }),
    ctx.db.apiToken.findMany({ where: { workspaceId: workspace.id }, orderBy: { createdAt: "desc" }, take: TOKEN_CHOICES, select: { id: true, name: true } }),
  ]);
  const names = new Map(people.map((u) => [u.id, u.name] as const));
  const titles = new Map(documents.map((d) => [d.id, d.title] as const));
  const tokenById = new Map(tokens.map((t) => [t.id, { id: t.id, name: t.name, personal: t.workspaceId === null }] as const));
  const documentOf = (r: Row) => (r.subjectId && titles.has(r.subjectId) ? { id: r.subjectId, title: titles.get(r.subjectId)! } : null);
  const via = (id: string | null): ViaTokenDto | null => (id ? (tokenById.get(id) ?? { id, name: null, personal: false }) : null);
  return {
    entries: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      at: r.createdAt.toISOString(),
      actor: r.actorId ? (names.get(r.actorId) ?? "Someone") : "Specwright",
      text: describeWorkspaceActivity(r.kind, dataOf(r), documentOf(r) !== null),
      document: documentOf(r),
      via: via(tokenOf(r)),
    })),
    next: rows.length > PAGE_SIZE ? cursorOf(page[page.length - 1]!) : null,
    token: via(input.token ?? null),
    tokens: choices.map((t) => ({ id: t.id, name: t.name, personal: false })),
  };
}
