import { describe, expect, it } from "vitest";
import { getMetrics, routeLabel } from "@/lib/observability/metrics";
import { resolveRequestId } from "@/lib/observability/requestId";

describe("routeLabel", () => {
  it.each([
    ["/api/health", "/api/health"],
    ["/w/acme-co/members?x=1", "/w/:slug/members"],
    ["/api/workspaces/acme/members/clx9k2m3n0000abcdefghijkl", "/api/workspaces/:slug/members/:id"],
    ["/invite/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4", "/invite/:token"],
    ["/_next/static/chunks/app.js", "/_next/*"],
    ["/", "/"],
  ])("labels %s as %s", (url, label) => {
    expect(routeLabel(url)).toBe(label);
  });
});

describe("resolveRequestId", () => {
  it("keeps a safe incoming id", () => {
    expect(resolveRequestId("abc-123")).toBe("abc-123");
  });
  it("replaces a missing or unsafe id with a fresh uuid", () => {
    expect(resolveRequestId(undefined)).toMatch(/^[0-9a-f-]{36}$/);
    expect(resolveRequestId("bad id\nwith newline")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("metrics", () => {
  it("exposes request counters in Prometheus text format", async () => {
    const m = getMetrics();
    m.requests.inc({ method: "GET", route: "/api/health", status: "200" });
    const text = await m.registry.metrics();
    expect(text).toContain('http_requests_total{method="GET",route="/api/health",status="200"}');
    expect(text).toContain("# TYPE http_request_duration_seconds histogram");
    expect(text).toContain("collab_open_sockets");
  });
});
