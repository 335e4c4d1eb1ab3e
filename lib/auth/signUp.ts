import type { Actor } from "../context";
import type { Db } from "../db";
import { Prisma } from "../db";
import { Conflict } from "../errors";
import { acceptInvite } from "../workspaces/acceptInvite";
import { createWorkspace } from "../workspaces/createWorkspace";
import type { WorkspaceDto } from "../workspaces/present";
import { hashPassword } from "./password";
import { SignUpInput } from "./schema";

export interface SignUpResult {
  actor: Actor;
  workspace: WorkspaceDto;
}

export const DUPLICATE_EMAIL = "An account with this email already exists. Sign in instead.";

/**
 * Creates an account with email and password. With an invite token the new user joins
 * that workspace; otherwise they get a workspace of their own, as its owner. Conflict on
 * a taken email. All or nothing: one transaction.
 */
export async function signUp(db: Db, raw: SignUpInput): Promise<SignUpResult> {
  const input = SignUpInput.parse(raw);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email } })) throw new Conflict(DUPLICATE_EMAIL);
      const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } });
      const actor: Actor = { userId: user.id, email: user.email, name: user.name };
      const ctx = { actor, db: tx };
      const workspace = input.inviteToken
        ? await acceptInvite(ctx, { token: input.inviteToken })
        : await createWorkspace(ctx, { name: `${input.name.split(/\s+/)[0]}'s workspace` });
      return { actor, workspace };
    });
  } catch (error) {
    // two sign-ups racing for one email: the unique index decides
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new Conflict(DUPLICATE_EMAIL);
    throw error;
  }
}
