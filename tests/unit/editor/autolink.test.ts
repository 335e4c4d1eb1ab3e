import { describe, expect, it } from "vitest";
import { isAllowedLinkAddress, isAutolinkAddress } from "@/lib/editor/link";

describe("addresses found in typed or pasted text", () => {
  it("become links when written with http(s)://, mailto: or www.", () => {
    for (const text of ["https://example.com/spec", "http://example.com", "www.example.org/rfc", "mailto:ops@example.com"]) expect(isAutolinkAddress(text), text).toBe(true);
  });

  it("stay text when they are file names, bare domains or unsafe", () => {
    for (const text of ["README.md", "main.py", "run.sh", "example.com", "javascript:alert(1)", "ftp://example.com/x", "https://exa mple.com"]) expect(isAutolinkAddress(text), text).toBe(false);
  });
});

describe("the addresses a link may point at", () => {
  it("are safeHref's, with www. read as https", () => {
    for (const text of ["https://example.com", "www.example.org/rfc", "mailto:a@example.com", "#section-goals"]) expect(isAllowedLinkAddress(text), text).toBe(true);
    for (const text of ["javascript:alert(1)", "data:text/html,x", "vbscript:x"]) expect(isAllowedLinkAddress(text), text).toBe(false);
  });
});
