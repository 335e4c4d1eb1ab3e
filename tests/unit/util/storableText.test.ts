import { describe, expect, it } from "vitest";
import { findUnstorableText, isStorableText } from "@/lib/util/storableText";

describe("isStorableText", () => {
  it.each([
    ["a NUL byte", "a\u0000b"],
    ["a lone high surrogate", "a\uD83Db"],
    ["a lone low surrogate", "\uDE00"],
    ["a high surrogate at the end", "x\uD83D"],
    ["two high surrogates", "\uD83D\uD83D"],
  ])("flags %s", (_name, text) => {
    expect(isStorableText(text)).toBe(false);
  });

  it.each(["plain", "emoji 📋 and ü", "", "tab\tand newline\n"])("passes %j", (text) => {
    expect(isStorableText(text)).toBe(true);
  });
});

describe("findUnstorableText", () => {
  it("names where in the input the bad text is, keys included", () => {
    expect(findUnstorableText({ title: "ok", fields: { goals: [{ value: "x\u0000" }] } })).toBe("fields.goals.0.value");
    expect(findUnstorableText({ ["k\uD800"]: "v" })).toBe("_");
    expect(findUnstorableText("\u0000")).toBe("_");
    expect(findUnstorableText({ a: 1, b: [true, null, "fine"] })).toBeUndefined();
  });
});
