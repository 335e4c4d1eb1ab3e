import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import type { Role } from "../../lib/access/roles";
import type { Actor, Ctx } from "../../lib/context";
import { createDb, type Db } from "../../lib/db";

let db: Db | undefined;

/** This test worker's real database (see setupEnv.ts); closed after the file's tests. */
export function testDb(): Db {
  if (!db) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: integration tests run through vitest's setup (tests/support/setupEnv.ts)");
    db = createDb(url);
    const opened = db;
    afterAll(() => opened.$disconnect());
  }
  return db;
}

export function unique(prefix = "x"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}

/** A user with a unique email (no password: tests that need one use signUp). */
export async function makeUser(name = "Test User"): Promise<Actor> {
  const email = `${unique("user")}@example.test`;
  const user = await testDb().user.create({ data: { email, name } });
  return { userId: user.id, email: user.email, name: user.name };
}

/** A workspace with an owner and, optionally, members of the given roles. */
export async function makeWorkspace(roles: Role[] = []): Promise<{ slug: string; id: string; owner: Actor; members: Record<Role, Actor[]> }> {
  const owner = await makeUser("Owner");
  const slug = unique("ws");
  const ws = await testDb().workspace.create({ data: { slug, name: slug, memberships: { create: { userId: owner.userId, role: "owner" } } } });
  const members: Record<Role, Actor[]> = { owner: [owner], admin: [], editor: [], viewer: [] };
  for (const role of roles) {
    const user = await makeUser(role);
    await testDb().membership.create({ data: { workspaceId: ws.id, userId: user.userId, role } });
    members[role].push(user);
  }
  return { slug, id: ws.id, owner, members };
}

export function ctxFor(actor: Actor): Ctx {
  return { actor, db: testDb() };
}
