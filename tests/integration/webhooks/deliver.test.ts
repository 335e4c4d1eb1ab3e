import { afterEach, describe, expect, it } from "vitest";
import { createDocument } from "@/lib/documents/createDocument";
import { listTemplates } from "@/lib/templates/templates";
import { defaultSchedule } from "@/lib/webhooks/backoff";
import { deliverPendingWebhooks } from "@/lib/webhooks/deliver";
import { listDeliveries } from "@/lib/webhooks/deliveries";
import { Forbidden, NotFound } from "@/lib/errors";
import { createWebhook } from "@/lib/webhooks/manage";
import { redeliver } from "@/lib/webhooks/redeliver";
import { queueWebhookEvent } from "@/lib/webhooks/queue";
import { RESPONSE_KEPT } from "@/lib/webhooks/send";
import { verifySignature } from "@/lib/webhooks/sign";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";
import { startReceiver } from "../../support/webhookReceiver";

const BASE = { baseUrl: "https://specwright.example", allowPrivate: true };
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A logger that keeps its lines. */
function lines() {
  const logged: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  const keep = (level: string) => (obj: object, msg: string) => void logged.push({ level, obj: obj as Record<string, unknown>, msg });
  return { logged, info: keep("info"), warn: keep("warn"), error: keep("error") };
}

/** A workspace with one endpoint on `url` subscribed to document.created, and `count` documents created (one event each). */
async function withEvents(url: string, count = 1, options: { slack?: boolean } = {}) {
  const ws = await makeWorkspace();
  const owner = ctxFor(ws.owner);
  const hook = await createWebhook(owner, { slug: ws.slug, url, events: ["document.created"], slack: options.slack ?? false });
  cleanups.push(() => testDb().webhook.deleteMany({ where: { id: hook.id } }));
  const template = (await listTemplates(owner, { slug: ws.slug }))[0]!;
  const docs = [];
  for (let i = 0; i < count; i++) docs.push(await createDocument(owner, { slug: ws.slug, templateId: template.id, title: `Ledger ${i}` }));
  return { ws, owner, hook, docs };
}

async function receiverFor(options?: Parameters<typeof startReceiver>[0]) {
  const receiver = await startReceiver(options);
  cleanups.push(() => receiver.stop());
  return receiver;
}

describe("webhook delivery", () => {
  it("sends each event signed with the endpoint's secret, with its event id, and records the answer", async () => {
    const receiver = await receiverFor({ reply: "thanks" });
    const { ws, owner, hook, docs } = await withEvents(receiver.url);
    expect(await deliverPendingWebhooks(testDb(), BASE)).toBeGreaterThanOrEqual(1);

    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    const signature = String(got!.headers["specwright-signature"]);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(hook.secret, signature, got!.body)).toBe(true);
    expect(verifySignature(hook.secret, signature, got!.body.replace("Ledger", "Ledgers"))).toBe(false);
    expect(verifySignature("whsec_someone-else", signature, got!.body)).toBe(false);
    const event = JSON.parse(got!.body);
    expect(got!.headers["specwright-event-id"]).toBe(event.id);
    expect(got!.headers["specwright-event"]).toBe("document.created");
    expect(event).toMatchObject({
      type: "document.created",
      workspace: { slug: ws.slug },
      document: { id: docs[0]!.id, title: "Ledger 0", status: "draft", url: `https://specwright.example/w/${ws.slug}/d/${docs[0]!.id}` },
      actor: { id: ws.owner.userId, name: ws.owner.name },
    });

    const [delivery] = await listDeliveries(owner, { slug: ws.slug, webhookId: hook.id });
    expect(delivery).toMatchObject({ event: "document.created", eventId: event.id, state: "delivered", attempts: 1, responseStatus: 200, responseBody: "thanks", error: null, nextAttemptAt: null });
    await deliverPendingWebhooks(testDb(), { ...BASE, now: new Date(Date.now() + 48 * 3600_000) });
    expect(receiver.received).toHaveLength(1);
  });

  it("keeps trying while the receiver is down for a minute and delivers once it is back, with the same event id", async () => {
    const receiver = await receiverFor();
    const { ws, owner, hook } = await withEvents(receiver.url);
    await receiver.stop();
    const log = lines();
    const t0 = new Date();
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

    await deliverPendingWebhooks(testDb(), { ...BASE, log, now: t0 });
    let [delivery] = await listDeliveries(owner, { slug: ws.slug, webhookId: hook.id });
    expect(delivery).toMatchObject({ state: "retrying", attempts: 1, responseStatus: null, nextAttemptAt: at(defaultSchedule(1) / 1000).toISOString() });
    expect(delivery!.error).toMatch(/ECONNREFUSED|fetch failed/);
    expect(log.logged).toEqual([expect.objectContaining({ level: "warn", msg: "delivering a webhook failed; will retry", obj: expect.objectContaining({ deliveryId: delivery!.id, attempts: 1 }) })]);

    await deliverPendingWebhooks(testDb(), { ...BASE, log, now: at(10) }); // not due yet
    await deliverPendingWebhooks(testDb(), { ...BASE, log, now: at(30) }); // due: still down
    [delivery] = await listDeliveries(owner, { slug: ws.slug, webhookId: hook.id });
    expect(delivery).toMatchObject({ state: "retrying", attempts: 2, nextAttemptAt: at(30 + defaultSchedule(2) / 1000).toISOString() });

    await receiver.start(); // back a minute after it went down
    await deliverPendingWebhooks(testDb(), { ...BASE, log, now: at(60) }); // the backoff still runs
    expect(receiver.received).toHaveLength(0);
    await deliverPendingWebhooks(testDb(), { ...BASE, log, now: at(90) });
    expect(receiver.received).toHaveLength(1);
    expect(verifySignature(hook.secret, String(receiver.received[0]!.headers["specwright-signature"]), receiver.received[0]!.body)).toBe(true);
    expect(receiver.received[0]!.headers["specwright-event-id"]).toBe(delivery!.eventId);
    [delivery] = await listDeliveries(owner, { slug: ws.slug, webhookId: hook.id });
    expect(delivery).toMatchObject({ state: "delivered", attempts: 3, responseStatus: 200, error: null });
  });

  it("retries an error status with backoff, keeping a truncated answer, and gives up after the last attempt", async () => {
    const receiver = await receiverFor({ status: 500, reply: "x".repeat(5000) });
    const { ws, owner, hook } = await withEvents(receiver.url);
    const log = lines();
    const schedule = () => 1000;
    const t0 = Date.now();
    for (let i = 0; i < 3; i++) await deliverPendingWebhooks(testDb(), { ...BASE, log, schedule, maxAttempts: 3, now: new Date(t0 + i * 1000) });
    expect(receiver.received).toHaveLength(3);
    const [delivery] = await listDeliveries(owner, { slug: ws.slug, webhookId: hook.id });
    expect(delivery).toMatchObject({ state: "failed", attempts: 3, responseStatus: 500, error: "the receiver answered 500", nextAttemptAt: null });
    expect(delivery!.responseBody).toHaveLength(RESPONSE_KEPT);
    expect(log.logged.map((l) => `${l.level} ${l.msg}`)).toEqual([
      "warn delivering a webhook failed; will retry",
      "warn delivering a webhook failed; will retry",
      "error gave up delivering a webhook",
    ]);
    await deliverPendingWebhooks(testDb(), { ...BASE, now: new Date(t0 + 3600_000) });
    expect(receiver.received).toHaveLength(3);
  });

  it("gives up on a receiver that does not answer within the timeout, and retries later", async () => {
    const receiver = await receiverFor({ hang: true });
    const { ws, owner, hook } = await withEvents(receiver.url);
    await deliverPendingWebhooks(testDb(), { ...BASE, timeoutMs: 300 });
    const [delivery] = await listDeliveries(owner, { slug: ws.slug, webhookId: hook.id });
    expect(delivery).toMatchObject({ state: "retrying", attempts: 1, error: "no answer within 300 ms" });
  });

  it("sends every delivery exactly once when three processes deliver at the same time", async () => {
    const receiver = await receiverFor();
    const { ws, docs } = await withEvents(receiver.url, 1);
    for (let i = 1; i < 45; i++) await queueWebhookEvent(testDb(), { type: "document.created", workspaceId: ws.id, documentId: docs[0]!.id, actor: null });
    const perWorker = await Promise.all([0, 1, 2].map(async () => {
      let sent = 0;
      for (let n = 1; n > 0; sent += n) n = await deliverPendingWebhooks(testDb(), BASE);
      return sent;
    }));
    const ids = receiver.received.map((r) => String(r.headers["specwright-event-id"]));
    expect(ids).toHaveLength(45);
    expect(new Set(ids).size).toBe(45);
    expect(perWorker.reduce((a, b) => a + b)).toBe(45);
    // the work was shared, not done three times
    expect(perWorker.filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it("sends Slack's { text } shape to an endpoint that asked for it, signed all the same", async () => {
    const receiver = await receiverFor();
    const { ws, hook, docs } = await withEvents(receiver.url, 1, { slack: true });
    await deliverPendingWebhooks(testDb(), BASE);
    const body = JSON.parse(receiver.received[0]!.body);
    expect(Object.keys(body)).toEqual(["text"]);
    expect(body.text).toBe(`Owner: A document was created — <https://specwright.example/w/${ws.slug}/d/${docs[0]!.id}|${docs[0]!.number} Ledger 0>`);
    expect(verifySignature(hook.secret, String(receiver.received[0]!.headers["specwright-signature"]), receiver.received[0]!.body)).toBe(true);
  });

  it("sends a failed event again on request, as a new delivery with the same event id; only for the endpoint's admins", async () => {
    const receiver = await receiverFor({ status: 503 });
    const { ws, owner, hook } = await withEvents(receiver.url);
    await deliverPendingWebhooks(testDb(), { ...BASE, maxAttempts: 1 });
    const [failed] = await listDeliveries(owner, { slug: ws.slug, webhookId: hook.id });
    expect(failed).toMatchObject({ state: "failed", responseStatus: 503 });

    const other = await makeWorkspace();
    await expect(redeliver(ctxFor(other.owner), { slug: ws.slug, webhookId: hook.id, deliveryId: failed!.id })).rejects.toThrow(NotFound);
    const otherHook = await createWebhook(ctxFor(other.owner), { slug: other.slug, url: receiver.url, events: ["document.created"] });
    cleanups.push(() => testDb().webhook.deleteMany({ where: { id: otherHook.id } }));
    await expect(redeliver(ctxFor(other.owner), { slug: other.slug, webhookId: otherHook.id, deliveryId: failed!.id })).rejects.toThrow(NotFound);
    const editor = await testDb().membership.create({ data: { workspaceId: ws.id, userId: other.owner.userId, role: "editor" } });
    await expect(redeliver(ctxFor(other.owner), { slug: ws.slug, webhookId: hook.id, deliveryId: failed!.id })).rejects.toThrow(Forbidden);
    await testDb().membership.delete({ where: { id: editor.id } });
    expect(await listDeliveries(owner, { slug: ws.slug, webhookId: hook.id })).toHaveLength(1);

    receiver.state.status = 200;
    const again = await redeliver(owner, { slug: ws.slug, webhookId: hook.id, deliveryId: failed!.id });
    expect(again).toMatchObject({ state: "pending", eventId: failed!.eventId, attempts: 0 });
    await deliverPendingWebhooks(testDb(), BASE);
    expect(receiver.received.map((r) => r.headers["specwright-event-id"])).toEqual([failed!.eventId, failed!.eventId]);
    expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body);
    expect((await listDeliveries(owner, { slug: ws.slug, webhookId: hook.id })).map((d) => d.state)).toEqual(["delivered", "failed"]);
  });

  it("holds deliveries of a disabled endpoint and refuses names that resolve to private addresses when they are not allowed", async () => {
    const receiver = await receiverFor();
    const { ws, owner, hook } = await withEvents(receiver.url.replace("127.0.0.1", "localhost"));
    await testDb().webhook.update({ where: { id: hook.id }, data: { enabled: false } });
    await deliverPendingWebhooks(testDb(), BASE);
    expect(receiver.received).toHaveLength(0);
    await testDb().webhook.update({ where: { id: hook.id }, data: { enabled: true } });
    await deliverPendingWebhooks(testDb(), { ...BASE, allowPrivate: false });
    expect(receiver.received).toHaveLength(0);
    const [delivery] = await listDeliveries(owner, { slug: ws.slug, webhookId: hook.id });
    expect(delivery!.error).toMatch(/^localhost resolves to a private address/);
  });
});
