import { describe, expect, it } from "vitest";
import { createRouteLabeler, UNMATCHED } from "@/lib/observability/routeLabels";

const label = createRouteLabeler([
  "/",
  "/api/health",
  "/api/workspaces",
  "/api/workspaces/[slug]/members/[userId]",
  "/api/workspaces/[slug]/templates/import",
  "/api/workspaces/[slug]/templates/[templateId]",
  "/api/auth/[...nextauth]",
  "/w/[slug]/documents/[documentId]",
  "/invite/[token]",
]);

describe("createRouteLabeler", () => {
  it.each([
    ["/", "/"],
    ["/api/health", "/api/health"],
    ["/api/workspaces/acme/members/clx9k2m3n0000abcdefghijkl", "/api/workspaces/:slug/members/:id"],
    ["/api/workspaces/acme/templates/import", "/api/workspaces/:slug/templates/import"],
    ["/api/workspaces/acme/templates/t1", "/api/workspaces/:slug/templates/:id"],
    ["/api/auth/callback/credentials?x=1", "/api/auth/*"],
    ["/w/acme/documents/abc/", "/w/:slug/documents/:id"],
    ["/invite/Zm9v", "/invite/:token"],
    ["/metrics", "/metrics"],
    ["/_next/static/chunks/app.js", "/_next/*"],
  ])("labels %s as %s", (url, expected) => {
    expect(label(url)).toBe(expected);
  });

  it("puts every path no route serves under one label", () => {
    const labels = new Set(["/wp-admin", "/.env", "/api/nope", "/w/acme/documents/x/y/z", "/random-1", "/random-2"].map(label));
    expect([...labels]).toEqual([UNMATCHED]);
  });
});
