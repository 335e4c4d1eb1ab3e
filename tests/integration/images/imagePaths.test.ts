import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { exportDocumentMarkdown } from "@/lib/export/exportDocument";
import { collectWorkspaceExport, zipWorkspaceExport } from "@/lib/export/exportWorkspace";
import { importBundle } from "@/lib/import/importBundle";
import { unzipBundle } from "@/lib/import/unzipBundle";
import { CORPUS_DIR } from "../../support/corpus";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";
import { pngOf } from "../../support/images";

const EIP = readFileSync(path.join(CORPUS_DIR, "eip-8173.md"), "utf8");

describe("an image imported from a zip keeps the path its file wrote", () => {
  it("in the Markdown export, which gives the whole file back byte for byte", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const zip = zipSync({ "EIPS/eip-8173.md": strToU8(EIP), "assets/eip-8173/control-flow.svg": pngOf(4, 4, [9, 99, 199]) });
    const [result] = await testDb().$transaction((tx) => importBundle({ ...owner, db: tx }, { slug: ws.slug, files: unzipBundle(zip) }));
    expect(result!.images).toEqual({ stored: 1, missing: [] });
    const { markdown } = await exportDocumentMarkdown(owner, { documentId: result!.document.id });
    expect(markdown).toBe(EIP);
  });

  it("in a workspace zip while the path stays inside its folder; images/<id> otherwise", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const md = "# Zipped\n\n## Design\n\n![Inside](figures/arch.png)\n\n![Outside](../shared/flow.png)\n";
    const zip = zipSync({ "docs/zipped.md": strToU8(md), "docs/figures/arch.png": pngOf(3, 3, [1, 2, 3]), "shared/flow.png": pngOf(2, 2, [4, 5, 6]) });
    await testDb().$transaction((tx) => importBundle({ ...owner, db: tx }, { slug: ws.slug, files: unzipBundle(zip) }));
    const files = unzipSync(zipWorkspaceExport(await collectWorkspaceExport(owner, { slug: ws.slug })));
    const name = Object.keys(files).find((f) => f.endsWith(".md"))!;
    const exported = strFromU8(files[name]!);
    expect(exported).toContain("![Inside](figures/arch.png)");
    expect(files["figures/arch.png"]).toBeDefined();
    const outside = /!\[Outside\]\((images\/[^)]+\.png)\)/.exec(exported)?.[1];
    expect(outside && files[outside]).toBeDefined();
  });
});
