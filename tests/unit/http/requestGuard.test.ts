import { describe, expect, it } from "vitest";
import { afterEach, vi } from "vitest";
import { addressedOrigin, guardRequest, isSameOrigin, type GuardRequest } from "@/lib/http/requestGuard";

const OWN = "http://localhost:3000";
const base: GuardRequest = {
  method: "POST",
  pathname: "/api/workspaces",
  origin: OWN,
  secFetchSite: "same-origin",
  contentType: "application/json",
  contentLength: "20",
  requestOrigin: OWN,
};
const options = { publicUrl: OWN, uploadPaths: [/^\/api\/workspaces\/[^/]+\/import$/], formPaths: [/^\/api\/auth\//] };

describe("guardRequest", () => {
  it("lets our own pages send JSON", () => {
    expect(guardRequest(base, options)).toEqual({ ok: true });
    expect(guardRequest({ ...base, contentType: "application/json; charset=utf-8" }, options).ok).toBe(true);
  });

  it("lets safe methods through whatever their origin", () => {
    expect(guardRequest({ ...base, method: "GET", origin: "http://evil.example", secFetchSite: "cross-site" }, options).ok).toBe(true);
  });

  it.each([
    ["another port of the same host (same-site)", { origin: "http://localhost:4000", secFetchSite: "same-site" }],
    ["another site", { origin: "http://evil.example", secFetchSite: "cross-site" }],
    ["an opaque origin", { origin: "null", secFetchSite: null }],
    ["another port, without Sec-Fetch-Site", { origin: "http://localhost:4000", secFetchSite: null }],
    ["https on the same host", { origin: "https://localhost:3000", secFetchSite: null }],
  ])("refuses a write from %s with 403", (_name, headers) => {
    expect(guardRequest({ ...base, ...headers }, options)).toMatchObject({ ok: false, status: 403 });
  });

  it("allows callers that are not browsers (no Origin, no Sec-Fetch-Site)", () => {
    expect(guardRequest({ ...base, origin: null, secFetchSite: null }, options).ok).toBe(true);
  });

  it("allows the public URL's origin when the Host differs (behind a proxy)", () => {
    expect(guardRequest({ ...base, origin: "https://specs.example.com", requestOrigin: "http://10.0.0.5:3000" }, { ...options, publicUrl: "https://specs.example.com/" }).ok).toBe(true);
  });

  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/markdown"])(
    "refuses a %s body on a JSON route with 415",
    (contentType) => {
      expect(guardRequest({ ...base, contentType }, options)).toMatchObject({ ok: false, status: 415 });
    },
  );

  it("refuses a body that does not say its type, but not a request without a body", () => {
    expect(guardRequest({ ...base, contentType: null }, options)).toMatchObject({ ok: false, status: 415 });
    expect(guardRequest({ ...base, method: "DELETE", contentType: null, contentLength: null }, options).ok).toBe(true);
    expect(guardRequest({ ...base, contentType: null, contentLength: "0" }, options).ok).toBe(true);
  });

  it("takes file uploads on upload routes only, and forms only where the protocol checks its own token", () => {
    const upload = { ...base, pathname: "/api/workspaces/acme/import" };
    expect(guardRequest({ ...upload, contentType: "text/markdown" }, options).ok).toBe(true);
    expect(guardRequest({ ...upload, contentType: "multipart/form-data; boundary=x" }, options).ok).toBe(true);
    expect(guardRequest({ ...upload, contentType: "text/plain" }, options)).toMatchObject({ ok: false, status: 415 });
    const form = { ...base, pathname: "/api/auth/callback/credentials", contentType: "application/x-www-form-urlencoded" };
    expect(guardRequest(form, options).ok).toBe(true);
    expect(guardRequest({ ...form, origin: "http://localhost:4000", secFetchSite: "same-site" }, options)).toMatchObject({ ok: false, status: 403 });
  });
});

describe("isSameOrigin", () => {
  it("trusts Sec-Fetch-Site over a matching Origin", () => {
    expect(isSameOrigin({ origin: OWN, secFetchSite: "same-site", requestOrigin: OWN })).toBe(false);
    expect(isSameOrigin({ origin: OWN, secFetchSite: "none", requestOrigin: OWN })).toBe(true);
  });
});

describe("addressedOrigin", () => {
  afterEach(() => vi.unstubAllEnvs());
  const headers = { host: "10.0.0.5:3000", forwardedHost: "specs.example.com", forwardedProto: "https, http" };

  it("takes the Host the browser addressed, ignoring forwarded headers nobody vouches for", () => {
    vi.stubEnv("TRUST_PROXY", "");
    expect(addressedOrigin(headers, "http")).toBe("http://10.0.0.5:3000");
  });

  it("takes the forwarded host and scheme behind a trusted proxy", () => {
    vi.stubEnv("TRUST_PROXY", "1");
    expect(addressedOrigin(headers, "http")).toBe("https://specs.example.com");
    expect(addressedOrigin({ host: null }, "http")).toBeNull();
  });
});
