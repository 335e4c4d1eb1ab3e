import { describe, expect, it } from "vitest";
import type { MarkdownLayout } from "@/lib/export/layout";
import { describeRefused, frontMatterFromRepository } from "@/lib/gitSync/frontMatterIn";

const LAYOUT: MarkdownLayout = {
  fences: { open: "---\n", close: "---\n", gap: "\n" },
  title: null,
  headings: {},
  owned: { title: "Cache" },
  fieldKeys: [{ key: "owner", section: "control", field: "owner", value: "Ann" }],
  finalNewline: true,
};

const file = (frontMatter: string) => `---\n${frontMatter}---\n\n# Cache\n\nText.\n`;
const METADATA = "# kept as written\nteam: payments   # who owns it\ntitle: Cache\nowner: Ann\ntags: [a, b]\n";
const APPROVALS = "reviewers:\n  - role: Lead\n    name: Bo\n    decision: approved\n    at: 2026-12-01\n    content_hash: abc\n";

describe("front matter a commit changed", () => {
  it("writes a changed, an added and a removed key into the document's own front matter, every other byte kept", () => {
    const base = file(`${METADATA}${APPROVALS}`);
    const incoming = file("# kept as written\nteam: ledger   # who owns it\ntitle: Cache\nowner: Ann\nreview_by: 2027-01-31\n");
    const { source, refused } = frontMatterFromRepository({ base, incoming, metadata: METADATA, layout: LAYOUT });
    expect(refused).toEqual([]);
    expect(source).toBe("# kept as written\nteam: ledger   # who owns it\ntitle: Cache\nowner: Ann\nreview_by: 2027-01-31\n");
  });

  it("changes nothing when only the approvals Specwright wrote differ", () => {
    const base = file(`${METADATA}${APPROVALS}`);
    expect(frontMatterFromRepository({ base, incoming: file(METADATA), metadata: METADATA, layout: LAYOUT })).toEqual({ source: null, refused: [] });
  });

  it("refuses, by name, keys Specwright writes, keys that fill a field and keys changed on both sides", () => {
    const base = file(METADATA);
    const incoming = file("# kept as written\nteam: ledger   # who owns it\ntitle: Caching\nowner: Cy\ntags: [c]\n");
    const metadata = METADATA.replace("tags: [a, b]", "tags: [a, b, z]");
    const { source, refused } = frontMatterFromRepository({ base, incoming, metadata, layout: LAYOUT });
    expect(refused).toEqual([
      { key: "title", reason: "owned" },
      { key: "owner", reason: "field" },
      { key: "tags", reason: "both" },
    ]);
    // the key only the repository changed still comes in
    expect(source).toBe(metadata.replace("team: payments", "team: ledger"));
    expect(describeRefused("docs/cache.md", refused)).toBe(
      "docs/cache.md: front matter not brought in, the next commit writes this document's: title (Specwright writes it from the document), owner (it fills a field: change the field in Specwright), tags (it was changed in Specwright too)",
    );
  });

  it("refuses every changed key of a document written here, whose front matter comes from its fields", () => {
    const { source, refused } = frontMatterFromRepository({ base: file("status: draft\n"), incoming: file("status: draft\nteam: ledger\n"), metadata: null, layout: null });
    expect(source).toBeNull();
    expect(refused).toEqual([{ key: "team", reason: "written here" }]);
  });

  it("says so when the repository's front matter is not a YAML mapping", () => {
    const { source, refused } = frontMatterFromRepository({ base: file(METADATA), incoming: file("- just\n- a list\n"), metadata: METADATA, layout: LAYOUT });
    expect(source).toBeNull();
    expect(refused).toEqual([{ key: "front matter", reason: "unreadable" }]);
  });
});
