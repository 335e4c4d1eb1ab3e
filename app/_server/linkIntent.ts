import { createHmac, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";

/** The cookie that says "the signed-in person asked to link this provider", for ten minutes. */
export const LINK_COOKIE = "specwright.link-intent";
const TTL_MS = 10 * 60 * 1000;

export interface LinkIntent {
  userId: string;
  sessionId: string;
  provider: string;
}

function sign(payload: string): string {
  return createHmac("sha256", `link-intent:${process.env.NEXTAUTH_SECRET ?? ""}`).update(payload).digest("base64url");
}

/** Sets the signed link-intent cookie before the browser goes to the provider. */
export async function setLinkIntent(intent: LinkIntent): Promise<void> {
  const payload = Buffer.from(JSON.stringify({ ...intent, exp: Date.now() + TTL_MS })).toString("base64url");
  (await cookies()).set(LINK_COOKIE, `${payload}.${sign(payload)}`, {
    httpOnly: true,
    sameSite: "lax",
    secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https:"),
    path: "/api/auth",
    maxAge: TTL_MS / 1000,
  });
}

/** The link intent for `provider` when its cookie is present, signed by us and fresh; it is used up. */
export async function takeLinkIntent(provider: string): Promise<LinkIntent | null> {
  const jar = await cookies();
  const value = jar.get(LINK_COOKIE)?.value;
  if (!value) return null;
  jar.delete({ name: LINK_COOKIE, path: "/api/auth" });
  const [payload = "", mac = ""] = value.split(".");
  const expected = Buffer.from(sign(payload));
  if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), expected)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Partial<LinkIntent> & { exp?: number };
    if (typeof data.userId !== "string" || typeof data.sessionId !== "string" || data.provider !== provider || !data.exp || data.exp < Date.now()) return null;
    return { userId: data.userId, sessionId: data.sessionId, provider };
  } catch {
    return null;
  }
}
