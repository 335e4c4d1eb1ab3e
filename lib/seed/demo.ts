import type { Db } from "../db";
import { hashPassword } from "../auth/password";

export const DEMO_EMAIL = "demo@specwright.local";
export const DEMO_PASSWORD = "specwright-demo";

/**
 * Creates the demo user and its "Demo workspace" unless they exist. Only for the embedded
 * database (or SPECWRIGHT_DEMO=1): a team install never gets a user with a known password.
 */
export async function seedDemo(db: Db): Promise<{ created: boolean; email: string; password: string }> {
  const existing = await db.user.findUnique({ where: { email: DEMO_EMAIL } });
  if (existing) {
    // a demo seeded before addresses were verified: it is ours, so it counts as verified
    if (!existing.emailVerifiedAt) await db.user.update({ where: { id: existing.id }, data: { emailVerifiedAt: new Date() } });
    return { created: false, email: DEMO_EMAIL, password: DEMO_PASSWORD };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: DEMO_EMAIL, name: "Demo User", passwordHash, emailVerifiedAt: new Date() } });
    const slug = (await tx.workspace.findUnique({ where: { slug: "demo" } })) ? `demo-${user.id.slice(-6)}` : "demo";
    const workspace = await tx.workspace.create({
      data: { name: "Demo workspace", slug, memberships: { create: { userId: user.id, role: "owner" } } },
    });
    await tx.activity.create({ data: { workspaceId: workspace.id, actorId: user.id, kind: "workspace.created", subjectId: workspace.id } });
  });
  return { created: true, email: DEMO_EMAIL, password: DEMO_PASSWORD };
}
