import { describe, expect, it } from "vitest";
import { safeDocumentHref, safeImageSrc } from "@/lib/editor/documentUrls";

describe("safeDocumentHref", () => {
  it.each(["docs/spec.md", "README.md", "images/a.png", "keps/0001#summary", "page?tab=1", "https://example.com", "/w/acme", "./a.md", "#intro", "(https://rust-lang.github.io/rfcs/2394.html#a)", "2024-notes:draft.md"])("accepts %s", (href) => {
    expect(safeDocumentHref(href)).toBe(href);
  });

  it.each(["javascript:alert(1)", "JAVASCRIPT:x", "data:text/html,x", "vbscript:x", "a:b/c", "//evil.example", "\\\\evil.example", "%2F%2Fevil.example", "docs\\..\\x", "a b.md", "java\tscript:x", "", ".\\x", " javascript:x", "\u0000(javascript:x)"])("refuses %s", (href) => {
    expect(safeDocumentHref(href)).toBeNull();
  });

  it("loads images from the same addresses, never from mail addresses", () => {
    expect(safeImageSrc("images/a.png")).toBe("images/a.png");
    expect(safeImageSrc("mailto:a@b.co")).toBeNull();
    expect(safeImageSrc("data:image/png;base64,AAAA")).toBeNull();
  });
});
