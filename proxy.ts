import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

const PUBLIC_PAGES = ["/signin", "/signup", "/forgot-password", "/reset-password", "/verify-email"];
const PUBLIC_API = ["/api/auth/", "/api/signup", "/api/password-reset", "/api/verify-email", "/api/health", "/api/ready"];

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and diagram renderers set style attributes; scripts stay nonce-only
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Runs before every page and API route: anonymous visitors are sent to sign-in (pages)
 * or get 401 JSON (API); every page gets a per-request CSP nonce so no inline script runs
 * without it.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const isPublic = isApi ? PUBLIC_API.some((p) => pathname === p || pathname.startsWith(p)) : PUBLIC_PAGES.includes(pathname);
  if (!isPublic) {
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
    if (!token) {
      if (isApi) {
        return NextResponse.json(
          { error: "Sign in to continue.", requestId: request.headers.get("x-request-id") ?? undefined },
          { status: 401 },
        );
      }
      const invite = /^\/invite\/([^/]+)$/.exec(pathname);
      const target = new URL(invite ? "/signup" : "/signin", request.url);
      if (invite?.[1]) target.searchParams.set("invite", decodeURIComponent(invite[1]));
      else if (pathname !== "/") target.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(target);
    }
  }
  if (isApi) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  // remember the workspace last opened, so "/" returns to it
  const workspace = /^\/w\/([a-z0-9-]+)/.exec(pathname)?.[1];
  if (workspace) response.cookies.set("sw_workspace", workspace, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 24 * 3600 });
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
