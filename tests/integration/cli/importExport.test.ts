import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDocument } from "@/lib/documents/documents";
import { exportDocumentMarkdown } from "@/lib/export/exportDocument";
import type { WorkspaceManifest } from "@/lib/export/exportWorkspace";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

const seedsDir = existsSync(path.resolve("../shared/seeds")) ? path.resolve("../shared/seeds") : "/work/shared/seeds";
const seed = (name: string) => path.join(seedsDir, name);
const scratch = mkdtempSync(path.join(os.tmpdir(), "specwright-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string | undefined> = { DATABASE_URL: process.env.DATABASE_URL }): Promise<Run> {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  return new Promise((resolve) => {
    // a config folder of its own: a login on this machine must not send the commands to a server
    execFile(path.resolve("node_modules/.bin/tsx"), ["scripts/specwright.ts", ...args], { env: { ...base, XDG_CONFIG_HOME: scratch, SPECWRIGHT_URL: "", ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("specwright import and export", () => {
  it("imports files as documents of the workspace's first owner and exports them again", { timeout: 120_000 }, async () => {
    const ws = await makeWorkspace(["editor"]);
    const run = await cli(["import", seed("000_05a8a1bc89bf130d.txt"), seed("003_9d4da6775430f4ee.txt"), "--workspace", ws.slug, "--template", "software-design-document", "--repair-mojibake"]);
    expect(run.stderr).toContain("repaired text that had been decoded as macroman");
    expect(run.code).toBe(0);
    const docs = await testDb().document.findMany({ where: { workspaceId: ws.id }, orderBy: { createdAt: "asc" } });
    expect(docs.map((d) => [d.title, d.ownerId])).toEqual([
      ["Design - [Project Name]", ws.owner.userId],
      ["Software Design Document (SDD)", ws.owner.userId],
    ]);
    const sdd = await getDocument(ctxFor(ws.owner), { documentId: docs[1]!.id });
    expect(sdd.sections.find((s) => s.key === "document_control")?.title).toBe("📋 Document Control");
    expect(run.stdout).toContain(`"Software Design Document (SDD)" (${docs[1]!.id})`);

    const dir = path.join(scratch, "out");
    const exported = await cli(["export", dir, "--workspace", ws.slug, "--as", ws.members.editor[0]!.email]);
    expect(exported.code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as WorkspaceManifest;
    expect(manifest.documents.map((d) => d.id)).toEqual(docs.map((d) => d.id));
    for (const entry of manifest.documents) {
      const { markdown } = await exportDocumentMarkdown(ctxFor(ws.owner), { documentId: entry.id });
      expect(readFileSync(path.join(dir, entry.file), "utf8")).toBe(markdown);
    }

    // imported documents export as the files they came from, adding no front matter the seeds lacked
    for (const entry of manifest.documents) expect(readFileSync(path.join(dir, entry.file), "utf8").startsWith("---\n")).toBe(false);

    // and back into another workspace, onto the template they were imported onto
    const other = await makeWorkspace();
    const back = await cli(["import", ...manifest.documents.map((d) => path.join(dir, d.file)), "--workspace", other.slug, "--template", "software-design-document"]);
    expect(back.code).toBe(0);
    const again = await testDb().document.findMany({ where: { workspaceId: other.id }, orderBy: { createdAt: "asc" }, include: { template: true } });
    expect(again.map((d) => [d.title, d.template.key])).toEqual(manifest.documents.map((d) => [d.title, d.template.key]));
    const sddAgain = await getDocument(ctxFor(other.owner), { documentId: again[1]!.id });
    expect(sddAgain.sections.map((s) => [s.key, s.title, s.body])).toEqual(sdd.sections.map((s) => [s.key, s.title, s.body]));
  });

  it("imports nothing when one file is bad, and says which", { timeout: 60_000 }, async () => {
    const ws = await makeWorkspace();
    const bad = path.join(scratch, "bad.md");
    writeFileSync(bad, "# Broken\n\u0000\u0001binary");
    const run = await cli(["import", seed("000_05a8a1bc89bf130d.txt"), bad, "--workspace", ws.slug]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad\.md: This is not a text file.*Nothing was imported\./);
    expect(await testDb().document.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it("says clearly what is missing: DATABASE_URL, the workspace, a member, arguments", { timeout: 60_000 }, async () => {
    const ws = await makeWorkspace();
    const file = seed("000_05a8a1bc89bf130d.txt");
    const [noUrl, noWorkspace, notMember, usage] = await Promise.all([
      cli(["import", file, "--workspace", ws.slug, "--database"], {}),
      cli(["import", file, "--workspace", "no-such-workspace"]),
      cli(["export", path.join(scratch, "x"), "--workspace", ws.slug, "--as", "stranger@example.test"]),
      cli(["export", "--workspace", ws.slug]),
    ]);
    expect([noUrl.code, noUrl.stderr]).toEqual([1, expect.stringContaining("DATABASE_URL is not set")]);
    // neither a server nor DATABASE_URL: both ways are named
    const neither = await cli(["import", file, "--workspace", ws.slug], {});
    expect([neither.code, neither.stderr]).toEqual([1, "specwright: not logged in to a server: run specwright login <url> (or set SPECWRIGHT_URL and SPECWRIGHT_TOKEN); admins can import and export against the database with --database and DATABASE_URL\n"]);
    expect([noWorkspace.code, noWorkspace.stderr]).toEqual([1, expect.stringContaining('no workspace "no-such-workspace"')]);
    expect([notMember.code, notMember.stderr]).toEqual([1, expect.stringContaining("stranger@example.test is not a member")]);
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringContaining("export needs a directory")]);
  });
});
