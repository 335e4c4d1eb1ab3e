import { randomInt } from "node:crypto";
import { expect, test, type APIRequestContext } from "./fixtures";
import { can } from "../../lib/access/policy";
import { seedSweepFixture } from "./sweep/fixture";
import { apiRoutes, appPages, fill, isWorkspacePage, METHODS, WRITES, type Method } from "./sweep/routes";
import { ENDS_OWN_SESSION, PUBLIC, PUBLIC_PAGES, sampleKey, samples, SELF, VIEWER_MAY, VIEWER_MAY_NOT_READ, type Sample } from "./sweep/samples";
import { changedTables, connectToAppDatabase, snapshot, type Snapshot } from "./sweep/snapshot";

// Every route under app/api and every page (those under app/w first of all), found on disk, called with real ids
// of workspace A by people who must not get in: nobody (401, or a redirect to sign-in),
// workspace B's owner (403/404), and A's viewer for every write and for the reads the
// policy keeps from viewers (403/404); then API tokens that must not get in: A's owner's
// read token for every write (403), B's workspace token for everything (403/404), and a
// revoked and an expired token of A's owner for everything (401). After each call
// A's rows in the database must be exactly as before.

type Role = "anonymous" | "other workspace's owner" | "viewer" | "A's owner's read token" | "B's workspace token" | "revoked token" | "expired token";
const REDIRECTS = [302, 303, 307, 308];

interface Tally {
  tried: Record<Role, number>;
  leaks: string[];
  writes: string[];
  serverErrors: string[];
  unexpected: string[];
}

test("every route and workspace page refuses the wrong person and changes nothing", async ({ playwright }, info) => {
  test.setTimeout(600_000);
  const baseURL = info.project.use.baseURL!;
  // its own client address, so sign-in limits never meet other tests'; its own Origin, as a same-site browser sends
  const address = `10.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(1, 255)}`;
  const newContext = () => playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: new URL(baseURL).origin, "x-forwarded-for": address } });

  const routes = apiRoutes();
  const allPages = appPages();
  // signed-in pages: anonymous visitors are sent to sign in; workspace pages are also tried by B's owner
  const pages = allPages.filter((p) => !(p in PUBLIC_PAGES));
  const workspacePages = pages.filter(isWorkspacePage);
  expect(routes.length, "route files under app/api").toBeGreaterThan(20);
  expect(workspacePages.length, "pages under app/w").toBeGreaterThan(5);

  const fx = await seedSweepFixture(newContext);
  const sample = samples(fx);

  // the lists of exceptions stay true to the code and the policy
  const known = new Set(routes.flatMap((r) => r.methods.map((m) => sampleKey(m, r.pattern))));
  const patterns = new Set(routes.map((r) => r.pattern));
  expect([...Object.keys(PUBLIC), ...Object.keys(SELF)].filter((p) => !patterns.has(p)), "allow-listed routes that no longer exist").toEqual([]);
  expect(Object.keys(PUBLIC_PAGES).filter((p) => !allPages.includes(p)), "allow-listed pages that no longer exist").toEqual([]);
  expect(Object.keys(VIEWER_MAY).filter((k) => !known.has(k)), "viewer writes for routes that no longer exist").toEqual([]);
  expect(Object.entries(VIEWER_MAY).filter(([, v]) => !can({ userId: "v", role: "viewer" }, v.action)).map(([k]) => k), "viewer writes the policy does not allow").toEqual([]);
  expect(Object.keys(sample).filter((k) => !known.has(k)), "samples for routes that no longer exist").toEqual([]);
  expect(Object.keys(VIEWER_MAY_NOT_READ).filter((k) => !known.has(k)), "viewer-denied reads for routes that no longer exist").toEqual([]);
  expect(Object.entries(VIEWER_MAY_NOT_READ).filter(([, action]) => can({ userId: "v", role: "viewer" }, action)).map(([k]) => k), "viewer-denied reads the policy allows").toEqual([]);
  const swept = routes.filter((r) => !(r.pattern in PUBLIC));
  const unsampled = swept.flatMap((r) => r.methods.filter((m) => WRITES.includes(m) && !(sampleKey(m, r.pattern) in sample)).map((m) => sampleKey(m, r.pattern)));
  expect(unsampled, "write routes without a sample input in tests/e2e/sweep/samples.ts").toEqual([]);

  // control: A's owner reaches every read with these ids, so refusals below are about the person
  const controls: string[] = [];
  for (const r of swept) {
    if (!r.methods.includes("GET")) continue;
    const res = await send(fx.a.owner.request, "GET", fill(r.pattern, fx.ids), sample[sampleKey("GET", r.pattern)]);
    const ok = res.status < 300 || (r.pattern.endsWith("export.pdf") && res.status === 503);
    if (!ok) controls.push(`GET ${r.pattern} → ${res.status}`);
  }
  for (const p of workspacePages) {
    const res = await send(fx.a.owner.request, "GET", fill(p, fx.ids));
    if (res.status !== 200) controls.push(`page ${p} → ${res.status}`);
  }
  expect(controls, "A's owner must reach every read and page").toEqual([]);

  const db = await connectToAppDatabase();
  try {
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Workspace" WHERE slug = $1`, [fx.a.slug]);
    await db.query(`UPDATE "ApiToken" SET "expiresAt" = now() - interval '1 minute' WHERE id = $1`, [fx.tokens.aOwnerExpiring.id]);
    const members = [fx.a.owner.userId, fx.a.editor.userId, fx.a.viewer.userId];
    let before: Snapshot = await snapshot(db, rows[0]!.id, members);
    const tally: Tally = {
      tried: { anonymous: 0, "other workspace's owner": 0, viewer: 0, "A's owner's read token": 0, "B's workspace token": 0, "revoked token": 0, "expired token": 0 },
      leaks: [],
      writes: [],
      serverErrors: [],
      unexpected: [],
    };

    const attempt = async (role: Role, request: APIRequestContext, method: Method, pattern: string, ok: (status: number, location: string) => boolean, opts: { self?: boolean } = {}) => {
      const url = fill(pattern, fx.ids);
      const res = await send(request, method, url, sample[sampleKey(method, pattern)]);
      const what = `${role}: ${method} ${url} → ${res.status}`;
      tally.tried[role]++;
      if (res.status >= 500) tally.serverErrors.push(what);
      else if (res.status < 300 && !opts.self) tally.leaks.push(what);
      else if (!ok(res.status, res.location)) tally.unexpected.push(what);
      if (res.body.includes(fx.canary)) tally.leaks.push(`${what} (the response shows A's content)`);
      const after = await snapshot(db, rows[0]!.id, members);
      const changed = changedTables(before, after);
      if (changed.length) tally.writes.push(`${what} changed ${changed.join(", ")}`);
      before = after;
    };

    // reads before writes and deletions last, so a write that wrongly succeeds cannot hide a later leak behind a 404
    // a call that ends the caller's own session goes after all of that person's others
    const last = (c: { method: Method; pattern: string }) => (ENDS_OWN_SESSION.has(sampleKey(c.method, c.pattern)) ? 1 : 0);
    const calls = swept
      .flatMap((r) => r.methods.map((m) => ({ method: m, pattern: r.pattern })))
      .sort((x, y) => last(x) - last(y) || METHODS.indexOf(x.method) - METHODS.indexOf(y.method));
    const denied = (s: number) => s === 403 || s === 404;
    const anonymous = await newContext();
    for (const c of calls) await attempt("anonymous", anonymous, c.method, c.pattern, (s) => s === 401);
    for (const p of pages) await attempt("anonymous", anonymous, "GET", p, (s, location) => REDIRECTS.includes(s) && location.includes("/signin"));
    for (const p of workspacePages) await attempt("other workspace's owner", fx.b.owner.request, "GET", p, (s) => s === 404);
    for (const c of calls) {
      const self = c.pattern in SELF;
      await attempt("other workspace's owner", fx.b.owner.request, c.method, c.pattern, (s) => self || denied(s), { self });
    }
    for (const c of calls) {
      const key = sampleKey(c.method, c.pattern);
      const viewerDenied = c.pattern in SELF ? false : WRITES.includes(c.method) ? !(key in VIEWER_MAY) : key in VIEWER_MAY_NOT_READ;
      if (viewerDenied) await attempt("viewer", fx.a.viewer.request, c.method, c.pattern, denied);
    }
    // API tokens answer for themselves, with no cookie beside them
    const withToken = (secret: string) =>
      playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: new URL(baseURL).origin, "x-forwarded-for": address, authorization: `Bearer ${secret}` } });
    const readToken = await withToken(fx.tokens.aOwnerRead);
    for (const c of calls) if (WRITES.includes(c.method)) await attempt("A's owner's read token", readToken, c.method, c.pattern, (s) => s === 403);
    const bToken = await withToken(fx.tokens.bWorkspace);
    for (const c of calls) {
      const self = c.pattern in SELF;
      await attempt("B's workspace token", bToken, c.method, c.pattern, (s) => self || denied(s), { self });
    }
    for (const [role, secret] of [["revoked token", fx.tokens.aOwnerRevoked], ["expired token", fx.tokens.aOwnerExpiring.secret]] as const) {
      const dead = await withToken(secret);
      for (const c of calls) await attempt(role, dead, c.method, c.pattern, (s) => s === 401);
    }

    report(tally, swept.length, pages.length, workspacePages.length);
    expect(tally.leaks, "responses that let the wrong person in").toEqual([]);
    expect(tally.writes, "calls that changed workspace A").toEqual([]);
    expect(tally.serverErrors, "5xx answers").toEqual([]);
    expect(tally.unexpected, "answers other than 401 / sign-in redirect / 403 / 404").toEqual([]);
  } finally {
    await db.end();
  }
});

async function send(request: APIRequestContext, method: Method, url: string, sample: Sample = {}) {
  const res = await request.fetch(url, {
    method,
    params: sample.query,
    data: WRITES.includes(method) ? (sample.data ?? {}) : undefined,
    maxRedirects: 0,
    failOnStatusCode: false,
    timeout: 60_000,
  });
  return { status: res.status(), location: res.headers().location ?? "", body: await res.text() };
}

function report(t: Tally, routeCount: number, pageCount: number, workspacePageCount: number) {
  const tried = Object.values(t.tried).reduce((a, b) => a + b, 0);
  console.log(
    [
      `route sweep: ${routeCount} API routes + ${pageCount} signed-in pages, ${workspacePageCount} of them a workspace's (${Object.keys(PUBLIC).length} public routes and ${Object.keys(PUBLIC_PAGES).length} public pages allow-listed)`,
      `  calls tried: ${tried} (${Object.entries(t.tried).map(([role, n]) => `${role} ${n}`).join(", ")})`,
      `  leaks: ${t.leaks.length}, unauthorized writes: ${t.writes.length}, 5xx: ${t.serverErrors.length}, other answers: ${t.unexpected.length}`,
      ...[...t.leaks, ...t.writes, ...t.serverErrors, ...t.unexpected].map((line) => `  ✗ ${line}`),
    ].join("\n"),
  );
}
