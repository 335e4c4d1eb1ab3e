import { describe, expect, it } from "vitest";
import { LINK_REL, linkAttributes, safeHref, safeRedirectPath, safeWebUrl } from "@/lib/util/safeUrl";

/** Addresses no link may point to, each with why. */
const HOSTILE_HREFS: [string, string][] = [
  ["javascript:alert(1)", "script scheme"],
  ["JaVaScRiPt:alert(1)", "script scheme, mixed case"],
  ["  javascript:alert(1)", "script scheme after spaces"],
  ["\u0001javascript:alert(1)", "script scheme after a control character"],
  ["java\tscript:alert(1)", "tab inside the scheme (browsers drop it)"],
  ["java\nscript:alert(1)", "newline inside the scheme"],
  ["java\u200bscript:alert(1)", "zero-width space inside the scheme"],
  ["jav&#x09;ascript:alert(1)", "HTML-entity tab (literal text in JSON)"],
  ["javascript&colon;alert(1)", "HTML-entity colon"],
  ["data:text/html,<script>alert(1)</script>", "data URL"],
  ["data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "base64 data URL"],
  ["vbscript:msgbox(1)", "vbscript"],
  ["file:///etc/passwd", "file scheme"],
  ["blob:https://example.com/x", "blob scheme"],
  ["//evil.example", "protocol-relative"],
  ["/\\evil.example", "slash-backslash (browsers read //)"],
  ["\\\\evil.example", "double backslash"],
  ["\\/evil.example", "backslash-slash"],
  ["/\t/evil.example", "tab after the slash"],
  ["/\n/evil.example", "newline after the slash"],
  ["/%09/evil.example", "percent-encoded tab after the slash"],
  ["/%5Cevil.example", "percent-encoded backslash"],
  ["/%5cevil.example", "percent-encoded backslash, lower case"],
  ["/%2F/evil.example", "percent-encoded slash"],
  ["/%252F/evil.example", "double-encoded slash"],
  ["/%E0%A4%A", "malformed percent-encoding"],
  ["https:evil.example", "web scheme without //"],
  ["https:/evil.example", "web scheme with one slash"],
  ["https:\\\\evil.example", "web scheme with backslashes"],
  ["https://", "no host"],
  ["https://trusted.example@evil.example/", "user name that looks like a host"],
  ["https://u:p@evil.example/", "credentials in the address"],
  ["https://exa mple.com", "space inside"],
  ["https://example.com/\u202egnp.exe", "right-to-left override"],
  ["mailto:", "empty mailto"],
  ["www.example.com", "no scheme and not a path"],
  ["evil.example/path", "bare host"],
  ["", "empty"],
  ["   ", "only spaces"],
  [`https://example.com/${"a".repeat(3000)}`, "too long"],
];

const SAFE_HREFS: [string, string][] = [
  ["https://example.com", "https"],
  ["http://example.com/a?b=1&c=2#d", "http with query and fragment"],
  ["HTTPS://EXAMPLE.COM/", "upper-case scheme"],
  ["https://example.com/a%20b", "encoded space in a path"],
  ["https://example.com/search?q=%5C", "encoded backslash in a query"],
  ["https://例え.jp/パス", "international host and path"],
  ["mailto:someone@example.com", "mailto"],
  ["/w/acme/d/1", "site path"],
  ["#section-intro", "fragment"],
  ["?tab=history", "query"],
  ["./other.md", "relative file"],
  ["../up/one.md", "parent-relative file"],
  ["/files/a%20b.pdf", "site path with an encoded space"],
];

describe("safeHref", () => {
  it.each(HOSTILE_HREFS)("refuses %j (%s)", (href) => {
    expect(safeHref(href)).toBeNull();
  });

  it.each(SAFE_HREFS)("accepts %j (%s)", (href) => {
    expect(safeHref(href)).toBe(href);
  });

  it("trims surrounding spaces", () => {
    expect(safeHref("  https://example.com/  ")).toBe("https://example.com/");
  });

  it("refuses values that are not strings, as stored documents may hold anything", () => {
    for (const value of [null, undefined, 42, true, {}, ["https://example.com"]]) expect(safeHref(value)).toBeNull();
  });

  it("refuses relative addresses where only absolute ones may go", () => {
    expect(safeHref("/w/acme", { allowRelative: false })).toBeNull();
    expect(safeHref("https://example.com", { allowRelative: false })).toBe("https://example.com");
  });
});

describe("safeWebUrl", () => {
  it("accepts only http(s) addresses safeHref accepts", () => {
    expect(safeWebUrl("https://example.com/repo")).toBe("https://example.com/repo");
    for (const value of ["mailto:a@example.com", "/w/acme", "https:\\\\evil.example", "https://a@evil.example", "javascript:alert(1)"]) expect(safeWebUrl(value)).toBeNull();
  });
});

describe("linkAttributes", () => {
  it("always sets our rel, and a new tab only for web addresses", () => {
    expect(linkAttributes("https://example.com")).toEqual({ href: "https://example.com", rel: LINK_REL, target: "_blank" });
    expect(linkAttributes("#intro")).toEqual({ href: "#intro", rel: LINK_REL });
    expect(LINK_REL).toContain("noopener");
    expect(LINK_REL).toContain("noreferrer");
  });
});

const HOSTILE_REDIRECTS: unknown[] = [
  "/%09/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/ /evil.example",
  "/\\evil.example",
  "/%5Cevil.example",
  "/%5C%5Cevil.example",
  "/%2F%2Fevil.example",
  "/%2F/evil.example",
  "/%252F%252Fevil.example",
  "/%E0%A4%A",
  "//evil.example",
  "///evil.example",
  "\\\\evil.example",
  "https://evil.example",
  "http:evil.example",
  "javascript:alert(1)",
  "w/acme",
  " /w/acme",
  "/w/acme\u0000",
  "/w/\u2028acme",
  "",
  undefined,
  null,
  42,
  [],
];

describe("safeRedirectPath", () => {
  it.each(HOSTILE_REDIRECTS.map((v) => [v]))("sends %j to the fallback", (value) => {
    expect(safeRedirectPath(value)).toBe("/");
    expect(safeRedirectPath(value, "/w/home")).toBe("/w/home");
  });

  it.each([
    ["/w/acme", "/w/acme"],
    ["/", "/"],
    ["/w/acme/d/1?tab=history#s-2", "/w/acme/d/1?tab=history#s-2"],
    ["/w/acme?q=design%20doc", "/w/acme?q=design%20doc"],
    ["/invite/abc123", "/invite/abc123"],
  ])("keeps the same-site path %j", (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  it("reads the first value of a repeated parameter", () => {
    expect(safeRedirectPath(["/w/acme", "//evil.example"])).toBe("/w/acme");
    expect(safeRedirectPath(["//evil.example", "/w/acme"])).toBe("/");
  });

  it("never answers with anything a browser resolves to another origin", () => {
    const base = "http://app.example";
    for (const value of HOSTILE_REDIRECTS) expect(new URL(safeRedirectPath(value, "/x"), base).origin).toBe(base);
  });
});
