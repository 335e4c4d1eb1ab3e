import { authorize, authorizeAccount } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import { inTransaction } from "../db/tx";
import { loadMembership } from "../workspaces/loadMembership";
import { presentToken, TOKEN_SELECT, type ApiTokenDto } from "./present";
import { CreateTokenInput, CreateWorkspaceTokenInput } from "./schema";
import { newTokenSecret } from "./secret";

const DAY_MS = 24 * 3600 * 1000;

export interface CreatedToken {
  token: ApiTokenDto;
  /** the whole token: in this answer only, never stored or shown again */
  secret: string;
}

async function insertToken(ctx: Ctx, input: CreateTokenInput, workspaceId: string | null): Promise<CreatedToken> {
  const { secret, hash, prefix } = newTokenSecret();
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db.apiToken.create({
      data: {
        name: input.name,
        scope: input.scope,
        tokenHash: hash,
        prefix,
        userId: ctx.actor.userId,
        workspaceId,
        expiresAt: new Date(Date.now() + input.expiresInDays * DAY_MS),
      },
      select: TOKEN_SELECT,
    });
    await recordActivity(tx, { workspaceId, kind: "apiToken.created", subjectId: row.id, data: { name: row.name, scope: row.scope, expiresAt: row.expiresAt.toISOString() } });
    return { token: presentToken(row), secret };
  });
}

/**
 * Makes a personal API token: it acts as the actor wherever they are a member, within its
 * scope and never beyond their role there. Only the person, signed in (`account.security`).
 */
export async function createPersonalToken(ctx: Ctx, raw: CreateTokenInput): Promise<CreatedToken> {
  authorizeAccount(ctx.actor, "account.security");
  return insertToken(ctx, CreateTokenInput.parse(raw), null);
}

/**
 * Makes a workspace API token: it acts as the admin who made it, in that workspace only,
 * within its scope and their role there. Requires `apiToken.manage` (an admin, signed in);
 * NotFound outside the actor's workspaces.
 */
export async function createWorkspaceToken(ctx: Ctx, raw: CreateWorkspaceTokenInput): Promise<CreatedToken> {
  const input = CreateWorkspaceTokenInput.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, input.slug);
  authorize(membership, "apiToken.manage");
  return insertToken(ctx, input, workspace.id);
}
