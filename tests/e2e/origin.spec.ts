import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";
import { signUpByApi } from "./support";

/** A page served from another port of the same host: same site, other origin. */
async function servePage(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(html));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/`, server };
}

test.describe("requests from other origins", () => {
  test("a page on another port can neither post a form with the user's cookie nor open the collaboration socket", async ({ page, baseURL }) => {
    const { workspace } = await signUpByApi(page.request, "Olga");
    const workspacesBefore = (await (await page.request.get("/api/workspaces")).json()) as unknown[];
    const docRes = await page.request.post(`/api/workspaces/${workspace.slug}/documents`, { data: { templateId: ((await (await page.request.get(`/api/workspaces/${workspace.slug}/templates`)).json()) as { id: string }[])[0]!.id } });
    const doc = (await docRes.json()) as { id: string };

    const app = new URL(baseURL!);
    const attacker = await servePage(`<!doctype html><html><body>
      <form id="f" method="POST" action="${app.origin}/api/workspaces" enctype="text/plain" target="out">
        <input name='{"name":"Pwned","x":"' value='"}'>
      </form>
      <iframe name="out"></iframe>
      <script>
        window.socketResult = new Promise((resolve) => {
          const ws = new WebSocket("${app.origin.replace(/^http/, "ws")}/collab/${doc.id}");
          ws.onopen = () => resolve("open");
          ws.onerror = () => resolve("refused");
        });
      </script>
    </body></html>`);
    try {
      await page.goto(attacker.url);
      expect(await page.evaluate(() => (window as unknown as { socketResult: Promise<string> }).socketResult)).toBe("refused");
      const answer = page.waitForResponse((r) => r.url() === `${app.origin}/api/workspaces` && r.request().method() === "POST");
      await page.evaluate(() => (document.getElementById("f") as HTMLFormElement).submit());
      expect((await answer).status()).toBe(403);
    } finally {
      attacker.server.close();
    }
    const workspacesAfter = (await (await page.request.get("/api/workspaces")).json()) as unknown[];
    expect(workspacesAfter).toHaveLength(workspacesBefore.length);
  });

  test("state-changing API calls need our origin and a JSON body; answers are never cached or sniffed", async ({ request }) => {
    await signUpByApi(request, "Pavel");
    const other = await request.post("/api/workspaces", { data: { name: "From elsewhere" }, headers: { origin: "http://localhost:1" } });
    expect(other.status()).toBe(403);
    expect((await other.json()).error).toContain("did not come from a Specwright page");
    const sameSite = await request.post("/api/workspaces", { data: { name: "Same site" }, headers: { "sec-fetch-site": "same-site" } });
    expect(sameSite.status()).toBe(403);
    const plain = await request.post("/api/workspaces", { data: '{"name":"As text"}', headers: { "content-type": "text/plain" } });
    expect(plain.status()).toBe(415);
    const names = ((await (await request.get("/api/workspaces")).json()) as { name: string }[]).map((w) => w.name);
    expect(names).not.toContain("From elsewhere");
    expect(names).not.toContain("Same site");
    expect(names).not.toContain("As text");

    const ok = await request.get("/api/workspaces");
    expect(ok.headers()["cache-control"]).toBe("no-store");
    expect(ok.headers()["x-content-type-options"]).toBe("nosniff");
    const anonymous = await request.get("/api/health");
    expect(anonymous.headers()["x-content-type-options"]).toBe("nosniff");
  });
});

test.describe("text a database cannot store", () => {
  test("NUL bytes and lone surrogates get 400 and change nothing, in bodies, queries and paths", async ({ request }) => {
    const { workspace } = await signUpByApi(request, "Quinn");
    const before = ((await (await request.get("/api/workspaces")).json()) as unknown[]).length;
    for (const name of ["nul\u0000name", "lone\ud800surrogate"]) {
      const res = await request.post("/api/workspaces", { data: JSON.stringify({ name }), headers: { "content-type": "application/json" } });
      expect(res.status(), name).toBe(400);
      expect((await res.json()).error).toContain("cannot be stored");
    }
    expect(((await (await request.get("/api/workspaces")).json()) as unknown[]).length).toBe(before);
    for (const path of [`/api/workspaces/${workspace.slug}/documents?q=a%00b`, `/w/${workspace.slug}?q=a%00b`, `/w/${workspace.slug}%00`]) {
      const res = await request.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(400);
    }
  });
});

test.describe("metrics", () => {
  test("answer on this machine only, with one label for paths no route serves", async ({ request }) => {
    const forwarded = await request.get("/metrics", { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(forwarded.status()).toBe(403);
    for (const probe of ["/wp-admin-1", "/.env-2", "/nope/3"]) await request.get(probe, { maxRedirects: 0 });
    const text = await (await request.get("/metrics")).text();
    expect(text).not.toContain("wp-admin");
    expect(text).not.toContain(".env-2");
    expect(text).toMatch(/http_requests_total\{method="GET",route="unmatched",status="\d+"\}/);
  });
});
