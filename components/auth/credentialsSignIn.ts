import { safeRedirectPath } from "@/lib/util/safeUrl";
import { callApi } from "../ui/api";

const GENERIC = "Email or password is incorrect.";

/**
 * Signs in with email and password through next-auth's credentials callback. Unlike
 * next-auth's `signIn`, it reports the 429 message with its retry time. The returned `url`
 * is always a path on this site (`safeRedirectPath`), whatever `callbackUrl` was.
 */
export async function credentialsSignIn(email: string, password: string, callbackUrl: string): Promise<{ ok: true; url: string } | { ok: false; error: string }> {
  const csrf = await callApi<{ csrfToken: string }>("/api/auth/csrf");
  if (!csrf.ok) return { ok: false, error: csrf.error.error };
  let res: Response;
  try {
    res = await fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password, csrfToken: csrf.data.csrfToken, callbackUrl, json: "true" }),
    });
  } catch {
    return { ok: false, error: "Could not reach the server. Check your connection and try again." };
  }
  const body = (await res.json().catch(() => ({}))) as { url?: string; error?: string };
  if (res.status === 429) return { ok: false, error: body.error ?? "Too many attempts. Try again in a minute." };
  const error = body.url ? new URL(body.url, window.location.origin).searchParams.get("error") : "unknown";
  if (error || !res.ok) return { ok: false, error: error && error !== "CredentialsSignin" && error.startsWith("Too many") ? error : GENERIC };
  return { ok: true, url: safeRedirectPath(callbackUrl) };
}
