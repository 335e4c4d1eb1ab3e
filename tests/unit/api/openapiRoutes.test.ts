import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTE_FILES } from "@/app/_server/openapi/routeFiles";

const API = path.resolve(import.meta.dirname, "../../../app/api");

function routeDirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeDirs(full);
    return entry.name === "route.ts" ? [path.dirname(full)] : [];
  });
}

/** `app/api/documents/[documentId]` → `/api/documents/{documentId}`; `[...nextauth]` → `{nextauth}`. */
function openApiPath(dir: string): string {
  const segments = path.relative(path.dirname(API), dir).split(path.sep);
  return `/${segments.map((s) => s.replace(/^\[(?:\.\.\.)?(\w+)\]$/, "{$1}")).join("/")}`;
}

describe("the OpenAPI description's route list", () => {
  it("covers every route file under app/api, and lists none that is gone", () => {
    const onDisk = routeDirs(API).map(openApiPath).sort();
    expect(onDisk.length).toBeGreaterThan(50);
    expect(Object.keys(ROUTE_FILES).sort(), "app/_server/openapi/routeFiles.ts must list every route file under app/api, and only those").toEqual(onDisk);
  });
});
