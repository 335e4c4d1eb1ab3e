import { afterEach, describe, expect, it } from "vitest";
import { newSecretKey, SecretKeyError } from "@/lib/secrets/secretBox";
import { signingSecret } from "@/lib/webhooks/storedSecret";
import { toErrorResponse } from "@/app/_server/route";
import { listDeliveries } from "@/lib/webhooks/deliveries";
import { createWebhook, deleteWebhook, listWebhooks, updateWebhook } from "@/lib/webhooks/manage";
import { rollSecret } from "@/lib/webhooks/rollSecret";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

/** The HTTP status a use case's failure answers with, as the route wrapper maps it. */
async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    return toErrorResponse(error, undefined).status;
  }
  return 200;
}

const HOOK = { url: "https://hooks.example.test/specwright", description: "CI", events: ["document.approved" as const] };
const allowPrivate = process.env.WEBHOOK_ALLOW_PRIVATE;

afterEach(() => {
  if (allowPrivate === undefined) delete process.env.WEBHOOK_ALLOW_PRIVATE;
  else process.env.WEBHOOK_ALLOW_PRIVATE = allowPrivate;
});

describe("registering webhooks", () => {
  it("gives the admin the signing secret once and never lists it", async () => {
    const ws = await makeWorkspace(["admin"]);
    const admin = ctxFor(ws.members.admin[0]!);
    const created = await createWebhook(admin, { slug: ws.slug, ...HOOK, slack: true });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect(created).toMatchObject({ url: HOOK.url, description: "CI", events: ["document.approved"], slack: true, enabled: true });

    const listed = await listWebhooks(admin, { slug: ws.slug });
    expect(listed).toEqual([expect.objectContaining({ id: created.id, url: HOOK.url })]);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(await testDb().activity.count({ where: { workspaceId: ws.id, kind: "webhook.created" } })).toBe(1);
  });

  it("stores the signing secret sealed with SPECWRIGHT_SECRET_KEY, opened only for its own workspace", async () => {
    const before = process.env.SPECWRIGHT_SECRET_KEY;
    process.env.SPECWRIGHT_SECRET_KEY = newSecretKey();
    try {
      const ws = await makeWorkspace();
      const owner = ctxFor(ws.owner);
      const created = await createWebhook(owner, { slug: ws.slug, ...HOOK });
      const stored = (await testDb().webhook.findUniqueOrThrow({ where: { id: created.id } })).secret;
      expect(stored).not.toContain(created.secret);
      expect(signingSecret(stored, ws.id)).toBe(created.secret);
      expect(() => signingSecret(stored, "another-workspace")).toThrow(SecretKeyError);
      const rolled = await rollSecret(owner, { slug: ws.slug, webhookId: created.id });
      const restored = (await testDb().webhook.findUniqueOrThrow({ where: { id: created.id } })).secret;
      expect(restored).not.toContain(rolled.secret);
      expect(signingSecret(restored, ws.id)).toBe(rolled.secret);
      // another key: the secret cannot be opened (deliveries then fail with that reason)
      process.env.SPECWRIGHT_SECRET_KEY = newSecretKey();
      expect(() => signingSecret(restored, ws.id)).toThrow(SecretKeyError);
    } finally {
      if (before === undefined) delete process.env.SPECWRIGHT_SECRET_KEY;
      else process.env.SPECWRIGHT_SECRET_KEY = before;
    }
  });

  it("refuses URLs that are not http(s), or carry a password, with 400 and creates nothing", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    for (const url of ["ftp://example.test/x", "javascript:alert(1)", "not a url", "https://user:pw@example.test/x", ""]) {
      expect(await statusOf(createWebhook(owner, { slug: ws.slug, ...HOOK, url })), url).toBe(400);
    }
    expect(await statusOf(createWebhook(owner, { slug: ws.slug, ...HOOK, events: [] }))).toBe(400);
    expect(await statusOf(createWebhook(owner, { slug: ws.slug, ...HOOK, events: ["document.exploded" as "document.approved"] }))).toBe(400);
    expect(await testDb().webhook.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it("refuses loopback and private addresses unless WEBHOOK_ALLOW_PRIVATE allows them", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    process.env.WEBHOOK_ALLOW_PRIVATE = "0";
    for (const url of ["http://127.0.0.1:8080/x", "http://localhost/x", "http://10.1.2.3/x", "http://[::1]/x", "http://169.254.169.254/latest"]) {
      expect(await statusOf(createWebhook(owner, { slug: ws.slug, ...HOOK, url })), url).toBe(400);
    }
    expect(await testDb().webhook.count({ where: { workspaceId: ws.id } })).toBe(0);
    process.env.WEBHOOK_ALLOW_PRIVATE = "1";
    expect(await statusOf(createWebhook(owner, { slug: ws.slug, ...HOOK, url: "http://127.0.0.1:8080/x" }))).toBe(200);
  });

  it("is for admins and owners only: editors and viewers get 403", async () => {
    const ws = await makeWorkspace(["editor", "viewer"]);
    const hook = await createWebhook(ctxFor(ws.owner), { slug: ws.slug, ...HOOK });
    for (const member of [ws.members.editor[0]!, ws.members.viewer[0]!]) {
      const ctx = ctxFor(member);
      expect(await statusOf(createWebhook(ctx, { slug: ws.slug, ...HOOK }))).toBe(403);
      expect(await statusOf(listWebhooks(ctx, { slug: ws.slug }))).toBe(403);
      expect(await statusOf(updateWebhook(ctx, { slug: ws.slug, webhookId: hook.id, enabled: false }))).toBe(403);
      expect(await statusOf(deleteWebhook(ctx, { slug: ws.slug, webhookId: hook.id }))).toBe(403);
      expect(await statusOf(listDeliveries(ctx, { slug: ws.slug, webhookId: hook.id }))).toBe(403);
    }
    expect(await testDb().webhook.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({ enabled: true });
  });

  it("answers 404 for another workspace, and for its webhooks through one's own workspace", async () => {
    const a = await makeWorkspace();
    const b = await makeWorkspace();
    const theirs = await createWebhook(ctxFor(b.owner), { slug: b.slug, ...HOOK });
    const me = ctxFor(a.owner);
    expect(await statusOf(listWebhooks(me, { slug: b.slug }))).toBe(404);
    expect(await statusOf(createWebhook(me, { slug: b.slug, ...HOOK }))).toBe(404);
    expect(await statusOf(updateWebhook(me, { slug: a.slug, webhookId: theirs.id, url: "https://evil.example.test/" }))).toBe(404);
    expect(await statusOf(deleteWebhook(me, { slug: a.slug, webhookId: theirs.id }))).toBe(404);
    expect(await statusOf(listDeliveries(me, { slug: a.slug, webhookId: theirs.id }))).toBe(404);
    expect(await testDb().webhook.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ url: HOOK.url });
  });

  it("replaces the signing secret for admins only, showing the new one once", async () => {
    const ws = await makeWorkspace(["editor"]);
    const owner = ctxFor(ws.owner);
    const hook = await createWebhook(owner, { slug: ws.slug, ...HOOK });
    expect(await statusOf(rollSecret(ctxFor(ws.members.editor[0]!), { slug: ws.slug, webhookId: hook.id }))).toBe(403);
    const other = await makeWorkspace();
    expect(await statusOf(rollSecret(ctxFor(other.owner), { slug: other.slug, webhookId: hook.id }))).toBe(404);
    expect(signingSecret((await testDb().webhook.findUniqueOrThrow({ where: { id: hook.id } })).secret, ws.id)).toBe(hook.secret);

    const rolled = await rollSecret(owner, { slug: ws.slug, webhookId: hook.id });
    expect(rolled.secret).toMatch(/^whsec_/);
    expect(rolled.secret).not.toBe(hook.secret);
    expect(signingSecret((await testDb().webhook.findUniqueOrThrow({ where: { id: hook.id } })).secret, ws.id)).toBe(rolled.secret);
    expect(JSON.stringify(await listWebhooks(owner, { slug: ws.slug }))).not.toContain(rolled.secret);
  });

  it("edits, disables and deletes an endpoint", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const hook = await createWebhook(owner, { slug: ws.slug, ...HOOK });
    const edited = await updateWebhook(owner, { slug: ws.slug, webhookId: hook.id, url: "https://other.example.test/in", events: ["comment.created", "document.created"], slack: true, enabled: false, description: "Chat" });
    expect(edited).toMatchObject({ url: "https://other.example.test/in", events: ["comment.created", "document.created"], slack: true, enabled: false, description: "Chat" });
    expect(await statusOf(updateWebhook(owner, { slug: ws.slug, webhookId: hook.id, url: "gopher://x" }))).toBe(400);
    expect((await listWebhooks(owner, { slug: ws.slug }))[0]).toMatchObject({ url: "https://other.example.test/in" });
    await deleteWebhook(owner, { slug: ws.slug, webhookId: hook.id });
    expect(await listWebhooks(owner, { slug: ws.slug })).toEqual([]);
  });
});
