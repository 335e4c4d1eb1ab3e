/** What an API token may be allowed: reading, writing, or administering as well. */
export const TOKEN_SCOPES = ["read", "write", "admin"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const RANK: Record<TokenScope, number> = { read: 0, write: 1, admin: 2 };

/** True when a token of `scope` covers what `need` asks (admin ⊃ write ⊃ read). */
export function scopeCovers(scope: TokenScope, need: TokenScope): boolean {
  return RANK[scope] >= RANK[need];
}

/**
 * The API token a request came with, when it came with one: which token, its scope, and the
 * workspace it is bound to (null for a personal token).
 */
export interface TokenGrant {
  tokenId: string;
  scope: TokenScope;
  workspaceId: string | null;
}
