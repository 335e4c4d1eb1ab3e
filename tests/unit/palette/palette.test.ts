import { describe, expect, it } from "vitest";
import { filterByQuery, matchesQuery } from "@/components/palette/match";
import { documentIdOf } from "@/components/palette/documentPath";
import { paletteActions } from "@/components/palette/paletteActions";
import { isPaletteShortcut } from "@/components/palette/paletteShortcut";

const key = (key: string, mods: Partial<{ metaKey: boolean; ctrlKey: boolean; altKey: boolean }> = {}) => ({ key, metaKey: false, ctrlKey: false, altKey: false, ...mods });

describe("the palette's keys", () => {
  it("opens with Ctrl+P and Ctrl+/ off a Mac, and Cmd+P and Cmd+/ on one", () => {
    expect(isPaletteShortcut(key("p", { ctrlKey: true }), false)).toBe(true);
    expect(isPaletteShortcut(key("/", { ctrlKey: true }), false)).toBe(true);
    expect(isPaletteShortcut(key("P", { ctrlKey: true }), false)).toBe(true);
    expect(isPaletteShortcut(key("p", { metaKey: true }), true)).toBe(true);
    expect(isPaletteShortcut(key("/", { metaKey: true }), true)).toBe(true);
  });

  it("leaves the editor's Ctrl+K, plain typing, Alt chords and the other platform's modifier alone", () => {
    expect(isPaletteShortcut(key("k", { ctrlKey: true }), false)).toBe(false);
    expect(isPaletteShortcut(key("p"), false)).toBe(false);
    expect(isPaletteShortcut(key("/"), true)).toBe(false);
    expect(isPaletteShortcut(key("p", { ctrlKey: true, altKey: true }), false)).toBe(false);
    // on a Mac Ctrl+P moves the caret up a line
    expect(isPaletteShortcut(key("p", { ctrlKey: true }), true)).toBe(false);
    expect(isPaletteShortcut(key("p", { metaKey: true }), false)).toBe(false);
  });
});

describe("matching what is typed", () => {
  it("finds a text holding every typed word, in any case and without accents", () => {
    expect(matchesQuery("Webhook retries", "web RET")).toBe(true);
    expect(matchesQuery("Résumé parser", "resume")).toBe(true);
    expect(matchesQuery("Webhook retries", "web payments")).toBe(false);
    expect(matchesQuery("anything", "  ")).toBe(true);
  });

  it("puts the texts that start with the query first and keeps the order otherwise", () => {
    const items = ["Payment retries", "Retry budget", "Webhook retries", "Overview"];
    expect(filterByQuery(items, "retr", (s) => s)).toEqual(["Retry budget", "Payment retries", "Webhook retries"]);
    expect(filterByQuery(items, "", (s) => s)).toEqual(items);
  });
});

describe("the palette's actions", () => {
  const all = { createDocuments: true, importDocuments: true };

  it("reads the open document from a document's page and its history, and nothing elsewhere", () => {
    expect(documentIdOf("/w/acme/d/abc123")).toBe("abc123");
    expect(documentIdOf("/w/acme/d/abc123/history")).toBe("abc123");
    expect(documentIdOf("/w/acme/members")).toBeNull();
  });

  it("offers the document's history, exports and link first when a document is open", () => {
    const actions = paletteActions("acme", "abc", all);
    expect(actions.slice(0, 5).map((a) => a.id)).toEqual(["history", "export-md", "export-pdf-a4", "export-pdf-letter", "copy-link"]);
    expect(actions.find((a) => a.id === "history")?.target).toEqual({ kind: "go", href: "/w/acme/d/abc/history" });
    expect(actions.find((a) => a.id === "export-md")?.target).toEqual({ kind: "download", href: "/api/documents/abc/export.md" });
  });

  it("offers no document actions away from a document", () => {
    expect(paletteActions("acme", null, all).map((a) => a.id)).toEqual(["new", "documents", "inbox", "members", "templates", "import", "settings", "trash"]);
  });

  it("leaves out creating and importing for someone who may not", () => {
    const ids = paletteActions("acme", null, { createDocuments: false, importDocuments: false }).map((a) => a.id);
    expect(ids).not.toContain("new");
    expect(ids).not.toContain("import");
    expect(ids).toContain("inbox");
  });
});
