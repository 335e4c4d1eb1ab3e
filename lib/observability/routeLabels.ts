import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** Paths the server answers outside Next's app routes. */
const OWN_ROUTES = ["/metrics"];
export const UNMATCHED = "unmatched";

interface Pattern {
  label: string;
  segments: string[];
}

/** `[slug]` → `:slug`, `[token]` → `:token`, other params → `:id`, catch-alls → `*`. */
function labelSegment(segment: string): string {
  if (/^\[\[?\.\.\./.test(segment)) return "*";
  const param = /^\[(.+)\]$/.exec(segment)?.[1];
  if (!param) return segment;
  return param === "slug" || param === "token" ? `:${param}` : ":id";
}

function compile(route: string): Pattern {
  const segments = route.split("/").map(labelSegment);
  return { label: segments.join("/") || "/", segments };
}

function matches(pattern: Pattern, parts: string[]): boolean {
  for (const [i, seg] of pattern.segments.entries()) {
    if (seg === "*") return parts.length > i;
    if (i >= parts.length) return false;
    if (!seg.startsWith(":") && seg !== parts[i]) return false;
  }
  return pattern.segments.length === parts.length;
}

/**
 * Labels a request path with the route that serves it (`/w/:slug/documents/:id`), so a
 * metric has one series per route; every path no route serves shares the one label
 * `unmatched`, so probing random URLs cannot grow the series without bound.
 */
export function createRouteLabeler(routes: string[]): (url: string | undefined) => string {
  // literal segments before parameters: /api/workspaces/import wins over /api/workspaces/:slug
  const patterns = [...routes, ...OWN_ROUTES].map(compile).sort((a, b) => {
    for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
      const rank = (s: string) => (s === "*" ? 2 : s.startsWith(":") ? 1 : 0);
      const d = rank(a.segments[i]!) - rank(b.segments[i]!);
      if (d !== 0) return d;
    }
    return 0;
  });
  return (url) => {
    const pathname = (url ?? "/").split("?")[0] ?? "/";
    if (pathname.startsWith("/_next/")) return "/_next/*";
    const parts = (pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname).split("/");
    return patterns.find((p) => matches(p, parts))?.label ?? UNMATCHED;
  };
}

/** The app's routes as the production build lists them (`.next/app-path-routes-manifest.json`), or undefined before a build. */
export function builtRoutes(dir: string): string[] | undefined {
  const file = path.join(dir, ".next", "app-path-routes-manifest.json");
  if (!existsSync(file)) return undefined;
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  return [...new Set(Object.values(manifest))];
}
