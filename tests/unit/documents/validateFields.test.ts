import { describe, expect, it } from "vitest";
import { validateFieldUpdates } from "@/lib/documents/validateFields";
import type { TemplateDefinition } from "@/lib/templates/schema";

const DEF = {
  sections: [{ key: "links", title: "Links", depth: 1, fields: [{ key: "repo", label: "Repository", type: "url" }] }],
} as unknown as TemplateDefinition;

const check = (value: string) => () => validateFieldUpdates(DEF, { links: { repo: value } }, new Set());

describe("a URL field", () => {
  it("takes a web address", () => {
    expect(check("https://git.example.com/acme/payments")).not.toThrow();
  });

  it.each(["javascript:alert(1)", "https:\\\\evil.example", "https://trusted.example@evil.example", "mailto:a@example.com", "/w/acme", "//evil.example"])(
    "refuses %j",
    (value) => {
      expect(check(value)).toThrow("Some fields are not valid.");
    },
  );
});
