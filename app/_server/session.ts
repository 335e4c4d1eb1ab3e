import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { findLiveSession, touchSession } from "@/lib/auth/sessions";
import type { Actor } from "@/lib/context";
import { getDb } from "@/lib/db";
import { CLIENT_IP_HEADER } from "@/lib/observability/requestId";
import { authOptions } from "./auth";

export interface SignedIn {
  actor: Actor;
  /** the UserSession the cookie names */
  sessionId: string;
}

/**
 * The signed-in user and session, checked against the database: a cookie whose session was
 * signed out or revoked (or that names none) counts as anonymous. Looked up once per page
 * drawn (a layout and its page both ask); a route handler asks once anyway.
 */
export const getSignedIn = cache(async function getSignedIn(): Promise<SignedIn | null> {
  const session = (await getServerSession(authOptions)) as { userId?: string; sessionId?: string } | null;
  if (!session?.userId) return null;
  const db = getDb();
  const live = await findLiveSession(db, { sub: session.userId, sid: session.sessionId });
  if (!live) return null;
  await touchSession(db, live, (await headers()).get(CLIENT_IP_HEADER));
  return { actor: { userId: live.user.id, email: live.user.email, name: live.user.name }, sessionId: live.id };
});

/** The signed-in user, checked against the database, or null. */
export async function getActor(): Promise<Actor | null> {
  return (await getSignedIn())?.actor ?? null;
}

/** The signed-in user; anonymous visitors are sent to the sign-in page. */
export async function requireActor(callbackUrl?: string): Promise<Actor> {
  return (await requireSignedIn(callbackUrl)).actor;
}

/** The signed-in user and session; anonymous visitors are sent to the sign-in page. */
export async function requireSignedIn(callbackUrl?: string): Promise<SignedIn> {
  const signedIn = await getSignedIn();
  if (!signedIn) redirect(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin");
  return signedIn;
}
