import type { Role } from "../access/roles";
import type { TokenScope } from "../access/scopes";
import type { TokenActivityDto } from "./tokenActivity";
import type { TokenCallDto } from "./tokenCalls";

export type TokenStatus = "active" | "expired" | "revoked";

export interface ApiTokenDto {
  id: string;
  name: string;
  scope: TokenScope;
  /** the token's first characters, to tell it apart (the rest is never shown again) */
  prefix: string;
  status: TokenStatus;
  /** who made it (for a workspace token, the admin it acts as) */
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  firstUsedAt: string | null;
  lastUsedAt: string | null;
  /**
   * A workspace token only: its maker's role in the workspace now, which bounds what it may do
   * at each call (an admin token of a maker demoted to editor edits but no longer administers);
   * null once the maker has left, when it no longer works. Absent for a personal token.
   */
  makerRole?: Role | null;
  /** the latest entries of the activity log about it: what was done through it, its first use, creation and revocation */
  recent: TokenActivityDto[];
  /** its latest requests, each with its route and the answer's status (a revoked token's refused calls too) */
  calls: TokenCallDto[];
}

export interface ApiTokenRow {
  id: string;
  name: string;
  scope: TokenScope;
  prefix: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  firstUsedAt: Date | null;
  lastUsedAt: Date | null;
  user: { name: string };
}

/** Where a token stands at `now`: revoked wins over expired. */
export function tokenStatus(row: Pick<ApiTokenRow, "revokedAt" | "expiresAt">, now = new Date()): TokenStatus {
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentToken(row: ApiTokenRow, now = new Date(), makerRole?: Role | null, recent: TokenActivityDto[] = [], calls: TokenCallDto[] = []): ApiTokenDto {
  return {
    recent,
    calls,
    ...(makerRole !== undefined ? { makerRole } : {}),
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    status: tokenStatus(row, now),
    createdBy: row.user.name,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: iso(row.revokedAt),
    firstUsedAt: iso(row.firstUsedAt),
    lastUsedAt: iso(row.lastUsedAt),
  };
}

/** What a Prisma query selects for `presentToken`. */
export const TOKEN_SELECT = {
  id: true,
  name: true,
  scope: true,
  prefix: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  firstUsedAt: true,
  lastUsedAt: true,
  userId: true,
  user: { select: { name: true } },
} as const;
