import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { offersBearer } from "@/lib/apiTokens/bearer";
import { addressedOrigin, guardRequest } from "@/lib/http/requestGuard";
import { REQUEST_START_HEADER } from "@/lib/http/requestStart";
import { UNSTORABLE_TEXT } from "@/lib/util/storableText";
import { LAST_WORKSPACE_COOKIE } from "@/lib/workspaces/lastWorkspaceCookie";

const PUBLIC_PAGES = ["/signin", "/signup", "/forgot-password", "/reset-password", "/verify-email"];
const PUBLIC_API = ["/api/auth/", "/api/signup", "/api/password-reset", "/api/verify-email", "/api/health", "/api/ready", "/api/openapi.json"];
// uploads may send the file itself (multipart or text/markdown); next-auth posts forms and checks its own CSRF token
const UPLOAD_PATHS = [/^\/api\/workspaces\/[^/]+\/(?:templates\/)?import$/, /^\/api\/workspaces\/[^/]+\/import\.zip$/, /^\/api\/documents\/[^/]+\/images$/];
// image bytes carry their own headers: immutable (an id never changes its content), with a CSP of their own
const IMAGE_PATH = /^\/api\/images\/[^/]+$/;
// a Git host's push hook signs its body (or sends a secret token) instead of a session or an API token; GitHub may post it as a form
const GIT_HOOK_PATH = /^\/api\/workspaces\/[^/]+\/git-sync\/[^/]+\/hook$/;
const FORM_PATHS = [/^\/api\/auth\//, GIT_HOOK_PATH];
// a NUL byte, or a percent-encoded sequence that is not UTF-8 (how a lone surrogate arrives)
const UNSTORABLE_URL = /%00|%ED%[AB][0-9A-F]/i;

function problem(request: NextRequest, status: number, error: string) {
  return NextResponse.json({ error, requestId: request.headers.get("x-request-id") ?? undefined }, { status, headers: API_HEADERS });
}

// API answers are per user and JSON: never cached, never sniffed as something else
const API_HEADERS = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and diagram renderers set style attributes; scripts stay nonce-only
    "style-src 'self' 'unsafe-inline'",
    // images a document links from the web (https only) show as they do on GitHub
    "img-src 'self' blob: data: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Runs before every page and API route: URLs carrying text that cannot be stored get 400;
 * state-changing API calls must come from our own origin as JSON (see `guardRequest`);
 * anonymous visitors are sent to sign-in (pages) or get 401 JSON (API, unless an API token
 * comes along for the route to check); every page gets a
 * per-request CSP nonce so no inline script runs without it.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  if (UNSTORABLE_URL.test(request.url)) return problem(request, 400, UNSTORABLE_TEXT);
  if (isApi) {
    const verdict = guardRequest(
      {
        method: request.method,
        pathname,
        origin: request.headers.get("origin"),
        secFetchSite: request.headers.get("sec-fetch-site"),
        contentType: request.headers.get("content-type"),
        contentLength: request.headers.get("content-length"),
        requestOrigin: addressedOrigin(
          { host: request.headers.get("host"), forwardedHost: request.headers.get("x-forwarded-host"), forwardedProto: request.headers.get("x-forwarded-proto") },
          request.nextUrl.protocol.replace(/:$/, ""),
        ),
      },
      { publicUrl: process.env.NEXTAUTH_URL, uploadPaths: UPLOAD_PATHS, formPaths: FORM_PATHS },
    );
    if (!verdict.ok) return problem(request, verdict.status, verdict.error);
  }
  const isPublic = isApi ? PUBLIC_API.some((p) => pathname === p || pathname.startsWith(p)) || GIT_HOOK_PATH.test(pathname) : PUBLIC_PAGES.includes(pathname);
  // an API call with `Authorization: Bearer` is judged by its token, in the route (app/_server/apiActor.ts), never by a cookie
  const carriesToken = isApi && offersBearer(request.headers.get("authorization"));
  if (!isPublic && !carriesToken) {
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
    if (!token) {
      if (isApi) return problem(request, 401, "Sign in to continue.");
      const invite = /^\/invite\/([^/]+)$/.exec(pathname);
      const target = new URL(invite ? "/signup" : "/signin", request.url);
      if (invite?.[1]) target.searchParams.set("invite", decodeURIComponent(invite[1]));
      else if (pathname !== "/") target.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(target);
    }
  }
  if (isApi) {
    const response = NextResponse.next();
    for (const [name, value] of Object.entries(API_HEADERS)) if (!(IMAGE_PATH.test(pathname) && name === "Cache-Control")) response.headers.set(name, value);
    return response;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set(REQUEST_START_HEADER, String(Date.now()));
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  // remember the workspace last opened, so "/" returns to it
  const workspace = /^\/w\/([a-z0-9-]+)/.exec(pathname)?.[1];
  if (workspace) response.cookies.set(LAST_WORKSPACE_COOKIE, workspace, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 24 * 3600 });
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
