import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Every HTTP handler and page of the app, read from the file system so a new one is swept without being listed. */

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];
export const WRITES: readonly Method[] = ["POST", "PUT", "PATCH", "DELETE"];

export interface ApiRoute {
  /** e.g. `/api/documents/[documentId]/comments` */
  pattern: string;
  methods: Method[];
}

const APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../app");

function walk(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full, name);
    return entry.name === name ? [full] : [];
  });
}

/** `app/api/documents/[documentId]/route.ts` → `/api/documents/[documentId]`; route groups `(x)` vanish. */
function urlPattern(file: string): string {
  const rel = path.relative(APP, path.dirname(file)).split(path.sep).filter((seg) => !/^\(.*\)$/.test(seg));
  return `/${rel.join("/")}`;
}

/** The HTTP methods a route file exports (`export const GET`, `export async function POST`, `export { handler as GET }`). */
export function exportedMethods(source: string): Method[] {
  const found = new Set<Method>();
  for (const m of source.matchAll(/export\s+(?:const|let|(?:async\s+)?function)\s+([A-Z]+)\b/g)) found.add(m[1] as Method);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()!.trim();
      found.add(name as Method);
    }
  }
  return METHODS.filter((method) => found.has(method));
}

export function apiRoutes(): ApiRoute[] {
  return walk(path.join(APP, "api"), "route.ts")
    .map((file) => ({ pattern: urlPattern(file), methods: exportedMethods(readFileSync(file, "utf8")) }))
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** Every page of the app, as URL patterns (`/w/[slug]/members`). */
export function appPages(): string[] {
  return walk(APP, "page.tsx").map(urlPattern).sort();
}

/** The pages of a workspace (under `app/w`): about workspace A's resources. */
export function isWorkspacePage(pattern: string): boolean {
  return pattern.startsWith("/w/");
}

/** Fills `[name]` and `[...name]` segments from `ids`; throws on a parameter the fixture has no id for. */
export function fill(pattern: string, ids: Record<string, string>): string {
  return pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => {
    const id = ids[name];
    if (id === undefined) throw new Error(`The route sweep has no id for [${name}] in ${pattern}: add one to its fixture.`);
    return encodeURIComponent(id);
  });
}
