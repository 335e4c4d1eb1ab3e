import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { exportDocumentMarkdown } from "@/lib/export/exportDocument";
import { importBundle } from "@/lib/import/importBundle";
import { unzipBundle } from "@/lib/import/unzipBundle";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

describe("importing a zip of several Markdown files", () => {
  it("stores every document with its own layout in the one transaction, so each exports as its file", { timeout: 120_000 }, async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const files = {
      "a.md": "---\nauthor: Ana\n---\n\n# First plan\n\n## Goals\n\nShip  it.\n",
      "b.md": "# Second plan\n\nPreamble text.\n\n### Risks\n\n- one\n- two\n",
    };
    const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
    const results = await testDb().$transaction((tx) => importBundle({ ...owner, db: tx }, { slug: ws.slug, files: unzipBundle(zip) }), { timeout: 120_000 });
    expect(results.map((r) => r.document.title)).toEqual(["First plan", "Second plan"]);
    for (const [i, markdown] of Object.values(files).entries()) {
      const { markdown: exported } = await exportDocumentMarkdown(owner, { documentId: results[i]!.document.id });
      expect(exported).toBe(markdown);
    }
  });
});
