import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { pngOf } from "../support/images";
import { expect, test } from "./fixtures";
import { signUpByApi } from "./support";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `specwright …` as a person runs it: a child process with its own config folder, talking HTTP to the server. */
function cli(args: string[], options: { env?: Record<string, string>; stdin?: string; configHome: string }): Promise<Run> {
  // a clean environment: no DATABASE_URL, so nothing but the server is reachable
  const env = { NODE_ENV: process.env.NODE_ENV ?? "test", PATH: process.env.PATH ?? "", HOME: options.configHome, XDG_CONFIG_HOME: options.configHome, NO_COLOR: "1", ...options.env };
  return new Promise((resolve) => {
    // node with tsx's loader: the same program as the `specwright` bin, without tsx's wrapper process
    const child = execFile(process.execPath, ["--import", "tsx", "scripts/specwright.ts", ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(options.stdin ?? "");
  });
}

/** A loopback address where nothing listens: a port the system handed out and took back. */
async function closedAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const OVERVIEW = "[Problem, target users and intended outcome]";
const COMPONENTS = "- \\[Component]: [Purpose; inputs and outputs; key dependencies]";

test.describe("the command line against a running server", () => {
  test.setTimeout(240_000);

  test("logs in with a token, pulls, pushes an edit as a new version, reports status, refuses a conflict and a bad token", async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    const { workspace } = await signUpByApi(request, "Cleo");
    const slug = workspace.slug;
    const made = await request.post("/api/me/tokens", { data: { name: "CLI", scope: "write", expiresInDays: 7 } });
    expect(made.status(), await made.text()).toBe(201);
    const { secret } = (await made.json()) as { secret: string };
    const templates = (await (await request.get(`/api/workspaces/${slug}/templates`)).json()) as { id: string; key: string }[];
    const created = await request.post(`/api/workspaces/${slug}/documents`, { data: { templateId: templates.find((t) => t.key === "technical-design")!.id, title: "Ledger" } });
    const documentId = ((await created.json()) as { id: string }).id;
    const exportMd = async () => (await request.get(`/api/documents/${documentId}/export.md`)).text();

    const home = mkdtempSync(path.join(os.tmpdir(), "specwright-cli-home-"));
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "specwright-cli-")), "designs");
    const run = (args: string[], options: { env?: Record<string, string>; stdin?: string } = {}) => cli(args, { ...options, configHome: home });

    // login: the token from standard input, checked against the server, stored for this user only
    const login = await run(["login", baseURL!], { stdin: `${secret}\n` });
    expect(login.stderr).toBe("");
    expect(login.code).toBe(0);
    expect(login.stdout).toContain(`logged in to ${baseURL} as Cleo`);
    const config = path.join(home, "specwright", "config.json");
    expect(statSync(config).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(config, "utf8"))).toEqual({ url: baseURL, token: secret });

    // pull: the same bytes as "Download Markdown"
    const pulled = await run(["pull", dir, "--workspace", slug]);
    expect(pulled.stderr).toBe("");
    expect(pulled.code).toBe(0);
    const file = path.join(dir, "ledger.md");
    expect(readFileSync(file, "utf8")).toBe(await exportMd());
    expect(JSON.parse(readFileSync(path.join(dir, ".specwright", "state.json"), "utf8"))).toMatchObject({ workspace: slug, server: baseURL, files: { "ledger.md": { id: documentId, title: "Ledger" } } });
    expect((await run(["status", dir])).stdout).toMatch(/unchanged\s+ledger\.md\s+TD-0001 “Ledger”, Draft/);
    const json = await run(["status", dir, "--json"]);
    expect(JSON.parse(json.stdout)).toEqual({ dir, server: baseURL, workspace: slug, files: [{ file: "ledger.md", state: "unchanged", document: { id: documentId, number: "TD-0001", title: "Ledger", status: "draft" } }] });

    // an edit here, pushed: merged into the document as a new version; its new title renames it
    writeFileSync(file, readFileSync(file, "utf8").replace(OVERVIEW, "Payments reconcile nightly against the bank file.").replace(/^title: .*$/m, "title: Payments ledger"));
    expect((await run(["status", dir])).stdout).toMatch(/changed locally\s+ledger\.md/);
    const pushed = await run(["push", dir]);
    expect(pushed.stderr).toBe("");
    expect(pushed.code).toBe(0);
    expect(pushed.stdout).toMatch(/ledger\.md: updated “Overview”, renamed to “Payments ledger” \(saved as v\d+\)/);
    expect(((await (await request.get(`/api/documents/${documentId}`)).json()) as { title: string }).title).toBe("Payments ledger");
    expect(await exportMd()).toContain("Payments reconcile nightly against the bank file.");
    const versions = (await (await request.get(`/api/documents/${documentId}/versions`)).json()) as { label: string | null }[];
    expect(versions[0]!.label).toBe("Pushed from ledger.md");
    expect(readFileSync(file, "utf8")).toBe(await exportMd());
    expect((await run(["status", dir])).stdout).toMatch(/unchanged\s+ledger\.md/);

    // someone changes the same section on the server; the local edit to it is refused, nothing changes
    const base = await exportMd();
    const theirs = await request.put(`/api/documents/${documentId}/markdown`, { data: { base, markdown: base.replace("against the bank file.", "against the bank's statement.") } });
    expect(theirs.status(), await theirs.text()).toBe(200);
    writeFileSync(file, readFileSync(file, "utf8").replace("against the bank file.", "against the ledger export."));
    expect((await run(["status", dir])).stdout).toMatch(/changed on both sides\s+ledger\.md/);
    const onServer = await exportMd();
    const conflict = await run(["push", dir]);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain("ledger.md: not pushed: 1 section was changed both here and in the document since the copy was taken: “Overview”. Nothing was changed.");
    expect(conflict.stderr).toContain("conflict: “Overview”");
    expect(await exportMd()).toBe(onServer);
    expect(readFileSync(file, "utf8")).toContain("against the ledger export.");

    // an edit to another section merges with the server's change
    expect(readFileSync(file, "utf8")).toContain(COMPONENTS);
    writeFileSync(file, readFileSync(file, "utf8").replace("against the ledger export.", "against the bank file.").replace(COMPONENTS, "- Reconciler: matches bank lines to ledger entries"));
    const merged = await run(["push", dir]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain("ledger.md: updated “Components”");
    const after = await exportMd();
    expect(after).toContain("against the bank's statement.");
    expect(after).toContain("- Reconciler: matches bank lines to ledger entries");
    expect(readFileSync(file, "utf8")).toBe(after);

    // a heading renamed here is the same section renamed
    writeFileSync(file, readFileSync(file, "utf8").replace(/^(#+) Components$/m, "$1 Building blocks"));
    const renamed = await run(["push", dir]);
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(renamed.stdout).toMatch(/ledger\.md: renamed “Components” to “Building blocks” \(saved as v\d+\)/);
    expect(readFileSync(file, "utf8")).toContain("- Reconciler: matches bank lines to ledger entries");

    // an image added here is uploaded, and the file then shows it as the server's image
    const png = pngOf(3, 2, [200, 40, 40]);
    mkdirSync(path.join(dir, "diagrams"));
    writeFileSync(path.join(dir, "diagrams", "flow.png"), png);
    writeFileSync(file, readFileSync(file, "utf8").replace("- Reconciler: matches bank lines to ledger entries", "- Reconciler: matches bank lines to ledger entries\n\n![Flow](diagrams/flow.png)"));
    const withImage = await run(["push", dir]);
    expect(withImage.code, withImage.stderr).toBe(0);
    expect(withImage.stdout).toContain("ledger.md: uploaded diagrams/flow.png");
    const shown = /!\[Flow\]\((images\/[A-Za-z0-9_-]+\.png)\)/.exec(await exportMd())?.[1];
    expect(shown).toBeTruthy();
    expect(readFileSync(file, "utf8")).toBe(await exportMd());
    expect(readFileSync(path.join(dir, shown!))).toEqual(png);

    // a new file becomes a new document, its images too
    writeFileSync(path.join(dir, "rota.png"), png);
    writeFileSync(path.join(dir, "runbook.md"), "# Runbook\n\n## Alerts\n\nPage the payments rota.\n\n![Rota](rota.png)\n");
    expect((await run(["status", dir])).stdout).toMatch(/new\s+runbook\.md/);
    const added = await run(["push", dir]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/runbook\.md: new document .+ “Runbook”/);
    expect(added.stdout).toContain("runbook.md: uploaded rota.png");
    expect(readFileSync(path.join(dir, "runbook.md"), "utf8")).toMatch(/!\[Rota\]\(images\/[A-Za-z0-9_-]+\.png\)/);
    expect((await run(["status", dir])).stdout).toMatch(/unchanged\s+runbook\.md/);
    const listed = (await (await request.get(`/api/workspaces/${slug}/documents`)).json()) as { items: { title: string }[] };
    expect(listed.items.map((d) => d.title).sort()).toEqual(["Payments ledger", "Runbook"]);

    // export through the server; a fresh pull brings the images along
    const exportDir = path.join(path.dirname(dir), "exported");
    const exported = await run(["export", exportDir, "--workspace", slug]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(exportDir, "manifest.json"), "utf8")).documents).toHaveLength(2);
    const fresh = path.join(path.dirname(dir), "fresh");
    expect((await run(["pull", fresh, "--workspace", slug])).code).toBe(0);
    expect(readFileSync(path.join(fresh, shown!))).toEqual(png);

    // several files as they are: one zip, so the server takes all of them or none
    const adrs = path.join(path.dirname(dir), "adrs");
    mkdirSync(adrs);
    writeFileSync(path.join(adrs, "adr-1.md"), "# Use PostgreSQL\n\n## Decision\n\nWe keep the ledger in PostgreSQL.\n");
    writeFileSync(path.join(adrs, "adr-2.md"), "# Use Redis for limits\n\n## Decision\n\nRate limits live in Redis.\n\n![Flow](flow.png)\n");
    const both = await run(["import", path.join(adrs, "adr-1.md"), path.join(adrs, "adr-2.md"), "--workspace", slug]);
    expect(both.code, both.stderr).toBe(0);
    expect(both.stdout).toMatch(/adr-1\.md → "Use PostgreSQL" \(.+\): 0 image\(s\)/);
    expect(both.stdout).toMatch(/adr-2\.md → "Use Redis for limits"/);
    expect(both.stderr).toContain("adr-2.md: image flow.png not imported (no such file in the import)");
    const titles = async () => ((await (await request.get(`/api/workspaces/${slug}/documents`)).json()) as { items: { title: string }[] }).items.map((d) => d.title);
    expect(await titles()).toEqual(expect.arrayContaining(["Use PostgreSQL", "Use Redis for limits"]));
    // with a template too: one zip, each file onto it; a template the workspace lacks imports none
    writeFileSync(path.join(adrs, "adr-3.md"), "# Queue refunds\n\n## Overview\n\nRefunds wait in a queue.\n");
    writeFileSync(path.join(adrs, "adr-4.md"), "# Retry payouts\n\n## Overview\n\nPayouts retry twice.\n");
    const files = [path.join(adrs, "adr-3.md"), path.join(adrs, "adr-4.md")];
    const missing = await run(["import", ...files, "--workspace", slug, "--template", "no-such-template"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No template "no-such-template"');
    expect(await titles()).not.toContain("Queue refunds");
    const onto = await run(["import", ...files, "--workspace", slug, "--template", "technical-design"]);
    expect(onto.code, onto.stderr).toBe(0);
    expect(onto.stdout).toMatch(/adr-3\.md → "Queue refunds" \(.+\): 0 image\(s\), template technical-design/);
    expect(onto.stdout).toMatch(/adr-4\.md → "Retry payouts" \(.+\): 0 image\(s\), template technical-design/);

    // errors: one line on stderr each, and a non-zero exit
    const badToken = await run(["status", dir], { env: { SPECWRIGHT_TOKEN: "swt_not-a-real-token" } });
    expect(badToken.code).toBe(3);
    expect(badToken.stderr).toMatch(/^specwright: .+ refused the API token \(.+\); run specwright login .+\n$/);
    const wrongServer = await run(["pull", dir], { env: { SPECWRIGHT_URL: "http://127.0.0.1:3", SPECWRIGHT_TOKEN: secret } });
    expect(wrongServer.code).toBe(1);
    expect(wrongServer.stderr).toContain(`was pulled from workspace "${slug}" on ${baseURL}`);
    const nowhere = await closedAddress();
    const unreachable = await run(["pull", path.join(path.dirname(dir), "elsewhere"), "--workspace", slug], { env: { SPECWRIGHT_URL: nowhere, SPECWRIGHT_TOKEN: secret } });
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toBe(`specwright: cannot reach ${nowhere}: connection refused (is the server running?)\n`);
    const unknown = await run(["pull", path.join(path.dirname(dir), "other"), "--workspace", "no-such-workspace"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^specwright: not found \(404\): /);
    const usage = await run(["pull"]);
    expect(usage.code).toBe(2);

    const logout = await run(["logout"]);
    expect(logout.code).toBe(0);
    const loggedOut = await run(["status", dir]);
    expect(loggedOut.code).toBe(1);
    expect(loggedOut.stderr).toContain("not logged in to a server: run specwright login <url>");
    await request.dispose();
  });
});
