import { expect, test } from "./fixtures";
import { PASSWORD, signInByApi, signUpByApi, signUpFrom, uniqueEmail } from "./support";

test.describe("operations endpoints", () => {
  test("health, readiness and metrics answer, each with a request id", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(health.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await (await request.get("/api/ready")).json()).toEqual({ status: "ready", database: "ok" });
    const echoed = await request.get("/api/health", { headers: { "x-request-id": "trace-abc-123" } });
    expect(echoed.headers()["x-request-id"]).toBe("trace-abc-123");
    const metrics = await request.get("/metrics");
    expect(metrics.headers()["content-type"]).toContain("text/plain");
    const text = await metrics.text();
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/);
    expect(text).toContain("http_request_duration_seconds_bucket");
  });
});

test.describe("anonymous visitors", () => {
  test("get 401 JSON from the API and a redirect from pages", async ({ request }) => {
    for (const path of ["/api/me", "/api/workspaces", "/api/workspaces/demo/members"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(401);
      expect((await res.json()).error).toBe("Sign in to continue.");
    }
    const page = await request.get("/w/demo/members", { maxRedirects: 0 });
    expect(page.status()).toBe(307);
    expect(page.headers().location).toContain("/signin?callbackUrl=%2Fw%2Fdemo%2Fmembers");
  });

  test("pages carry a CSP that allows no inline script without a nonce", async ({ request }) => {
    const res = await request.get("/signin");
    const csp = res.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-inline' 'strict");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

test.describe("bad input", () => {
  test("sign-up with invalid JSON or fields gets 400 with field errors and writes nothing", async ({ request }) => {
    const broken = await request.post("/api/signup", { data: Buffer.from("{not json"), headers: { "content-type": "application/json" } });
    expect(broken.status()).toBe(400);
    expect((await broken.json()).error).toBe("Request body is not valid JSON.");

    const email = uniqueEmail("eve");
    const invalid = await request.post("/api/signup", { data: { name: "", email, password: "short" } });
    expect(invalid.status()).toBe(400);
    const body = await invalid.json();
    expect(Object.keys(body.fields).sort()).toEqual(["name", "password"]);
    // nothing was written: the same email can still sign up
    expect((await request.post("/api/signup", { data: { name: "Eve", email, password: PASSWORD } })).status()).toBe(201);
    const dup = await request.post("/api/signup", { data: { name: "Eve", email, password: PASSWORD } });
    expect(dup.status()).toBe(409);
    expect((await dup.json()).error).toContain("already exists");
  });

  test("more than five failed sign-ins in a minute get 429 with a retry time", async ({ request }) => {
    const { user } = await signUpByApi(request, "Frank");
    const from = { "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 250) + 1}` };
    for (let i = 0; i < 5; i++) {
      const res = await signInByApi(request, user.email, `wrong-${i}`, from);
      expect(res.status()).toBe(401);
    }
    const blocked = await signInByApi(request, user.email, PASSWORD, from);
    expect(blocked.status()).toBe(429);
    expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await blocked.json()).error).toMatch(/Too many attempts\. Try again in \d+ seconds\./);
  });

  test("member routes validate input and check permissions", async ({ playwright, baseURL }) => {
    const owner = await playwright.request.newContext({ baseURL });
    const outsider = await playwright.request.newContext({ baseURL });
    const { workspace } = await signUpByApi(owner, "Grace");
    await signUpByApi(outsider, "Heidi");

    const badRole = await owner.post(`/api/workspaces/${workspace.slug}/invites`, { data: { email: uniqueEmail("x"), role: "emperor" } });
    expect(badRole.status()).toBe(400);
    expect((await badRole.json()).fields.role[0]).toContain("Role must be one of");

    const invited = await owner.post(`/api/workspaces/${workspace.slug}/invites`, { data: { email: uniqueEmail("ivan"), role: "viewer" } });
    expect(invited.status()).toBe(201);

    const me = (await (await owner.get("/api/me")).json()) as { user: { email: string; id: string } };
    const dup = await owner.post(`/api/workspaces/${workspace.slug}/invites`, { data: { email: me.user.email, role: "viewer" } });
    expect(dup.status()).toBe(409);

    expect((await outsider.get(`/api/workspaces/${workspace.slug}/members`)).status()).toBe(404);
    expect((await outsider.patch(`/api/workspaces/${workspace.slug}/members/${me.user.id}`, { data: { role: "viewer" } })).status()).toBe(404);
    const lastOwner = await owner.delete(`/api/workspaces/${workspace.slug}/members/${me.user.id}`);
    expect(lastOwner.status()).toBe(403);
    await owner.dispose();
    await outsider.dispose();
  });
});

test.describe("documents API", () => {
  test("creates, reads, updates and trashes a document; checks roles and workspaces", async ({ playwright, baseURL }) => {
    const owner = await playwright.request.newContext({ baseURL });
    const outsider = await playwright.request.newContext({ baseURL });
    const { workspace } = await signUpByApi(owner, "Olga");
    await signUpByApi(outsider, "Pavel");

    const templates = (await (await owner.get(`/api/workspaces/${workspace.slug}/templates`)).json()) as { id: string; key: string }[];
    expect(templates.length).toBeGreaterThanOrEqual(5);
    const created = await owner.post(`/api/workspaces/${workspace.slug}/documents`, { data: { templateId: templates[0]!.id, title: "API doc" } });
    expect(created.status()).toBe(201);
    const doc = (await created.json()) as { id: string; status: string };
    expect(doc.status).toBe("draft");

    const full = (await (await owner.get(`/api/documents/${doc.id}`)).json()) as { sections: { key: string }[] };
    expect(full.sections.length).toBeGreaterThan(0);
    expect((await owner.patch(`/api/documents/${doc.id}`, { data: { title: "" } })).status()).toBe(400);
    expect((await owner.patch(`/api/documents/${doc.id}`, { data: { title: "Renamed by API" } })).status()).toBe(200);
    const listed = (await (await owner.get(`/api/workspaces/${workspace.slug}/documents?q=renamed`)).json()) as { items: { id: string }[] };
    expect(listed.items.map((d) => d.id)).toEqual([doc.id]);
    expect((await owner.get(`/api/workspaces/${workspace.slug}/documents?status=bogus`)).status()).toBe(400);

    // another workspace's document is 404, even with its id
    expect((await outsider.get(`/api/documents/${doc.id}`)).status()).toBe(404);
    expect((await outsider.delete(`/api/documents/${doc.id}`)).status()).toBe(404);
    expect((await outsider.post(`/api/workspaces/${workspace.slug}/documents`, { data: { templateId: templates[0]!.id } })).status()).toBe(404);

    // a viewer of the workspace can read but neither create nor delete (403)
    const viewerEmail = `${Date.now()}-viewer@example.test`;
    const invite = (await (await owner.post(`/api/workspaces/${workspace.slug}/invites`, { data: { email: viewerEmail, role: "viewer" } })).json()) as { invite: { path: string } };
    const viewer = await playwright.request.newContext({ baseURL });
    const token = invite.invite.path.split("/").pop();
    expect((await viewer.post("/api/signup", { headers: signUpFrom(), data: { name: "Vera", email: viewerEmail, password: "a-good-long-password", inviteToken: token } })).status()).toBe(201);
    await signInByApi(viewer, viewerEmail);
    expect((await viewer.get(`/api/documents/${doc.id}`)).status()).toBe(200);
    expect((await viewer.post(`/api/workspaces/${workspace.slug}/documents`, { data: { templateId: templates[0]!.id } })).status()).toBe(403);
    expect((await viewer.delete(`/api/documents/${doc.id}`)).status()).toBe(403);

    expect((await owner.delete(`/api/documents/${doc.id}`)).status()).toBe(204);
    expect((await owner.get(`/api/documents/${doc.id}`)).status()).toBe(404);
    expect((await owner.post(`/api/documents/${doc.id}/restore`)).status()).toBe(200);
    await Promise.all([owner.dispose(), outsider.dispose(), viewer.dispose()]);
  });
});

test.describe("limits per person", () => {
  test("invites past the hourly limit get 429 with a retry time and send nothing", async ({ request }) => {
    const { workspace } = await signUpByApi(request, "Ines");
    const url = `/api/workspaces/${workspace.slug}/invites`;
    for (let i = 0; i < 50; i++) {
      const res = await request.post(url, { data: { email: `guest-${i}-${workspace.slug}@example.test`, role: "viewer" } });
      expect(res.status(), await res.text()).toBe(201);
    }
    const refused = await request.post(url, { data: { email: `one-more-${workspace.slug}@example.test`, role: "viewer" } });
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    const pending = (await (await request.get(url)).json()) as { email: string }[];
    expect(pending.map((i) => i.email)).not.toContain(`one-more-${workspace.slug}@example.test`);
  });
});
