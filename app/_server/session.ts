import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/context";
import { getDb } from "@/lib/db";
import { authOptions } from "./auth";

/** The signed-in user, checked against the database, or null. */
export async function getActor(): Promise<Actor | null> {
  const session = (await getServerSession(authOptions)) as { userId?: string } | null;
  if (!session?.userId) return null;
  const user = await getDb().user.findUnique({ where: { id: session.userId } });
  return user ? { userId: user.id, email: user.email, name: user.name } : null;
}

/** The signed-in user; anonymous visitors are sent to the sign-in page. */
export async function requireActor(callbackUrl?: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin");
  return actor;
}
