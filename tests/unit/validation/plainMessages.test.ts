import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CreateDocumentInput, UpdateDocumentInput } from "@/lib/documents/inputs";
import { DecisionInput } from "@/lib/review/inputs";
import { summarize } from "@/lib/validation/plainMessages";

const messages = (result: { success: boolean; error?: z.ZodError }) => result.error?.issues.map((i) => i.message) ?? [];

describe("validation messages in plain words", () => {
  it("names the field and its limit instead of zod's wording", () => {
    expect(messages(UpdateDocumentInput.safeParse({ documentId: "cmx5bmek00004vs7d66xdscmp", title: "x".repeat(201) }))).toEqual(["A title can have at most 200 characters."]);
    expect(messages(CreateDocumentInput.safeParse({ slug: "acme", templateId: "cmx5bmek00004vs7d66xdscmp", title: " " }))).toEqual(["Enter a title."]);
  });

  it("keeps a schema's own message", () => {
    expect(messages(UpdateDocumentInput.safeParse({ documentId: "cmx5bmek00004vs7d66xdscmp", title: "  " }))).toEqual(["Enter a title."]);
  });

  it("says what is missing or wrong without showing keys or types", () => {
    const result = DecisionInput.safeParse({ documentId: "cmx5bmek00004vs7d66xdscmp", decision: "maybe", comment: 3 });
    expect(messages(result)).toEqual(["The role key is missing.", "The decision is not one of the choices.", "A comment should be text."]);
    expect(summarize(result.error!)).toBe("The role key is missing. (and 2 more problems)");
    expect(messages(z.object({ tags: z.array(z.string()).max(2) }).safeParse({ tags: ["a", "b", "c"] }))).toEqual(["The tags can have at most 2 entries."]);
    expect(messages(z.object({ email: z.email() }).safeParse({ email: "nope" }))).toEqual(["Enter a valid email address, like name@example.com."]);
  });
});
