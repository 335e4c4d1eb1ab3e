import { decode } from "next-auth/jwt";
import type { SessionClaims } from "../lib/auth/sessions";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/** The user and session a WebSocket upgrade's next-auth session cookie names, if it is valid. */
export async function sessionFromCookies(cookieHeader: string | undefined): Promise<(SessionClaims & { sub: string }) | undefined> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return undefined;
  for (const name of SESSION_COOKIES) {
    const token = cookieValue(cookieHeader, name);
    if (!token) continue;
    const payload = await decode({ token, secret }).catch(() => null);
    if (typeof payload?.sub === "string" && payload.sub) return { sub: payload.sub, sid: payload.sid };
  }
  return undefined;
}
