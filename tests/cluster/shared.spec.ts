import { randomBytes } from "node:crypto";
import { expect, request, test } from "../e2e/fixtures";
import { cluster, mails, signUp, sql } from "./support/env";
import { HOLD_MARK, MAIL_POLL_SECONDS, SMTP_HOLD_MS } from "./support/smtp";

test("six failed sign-ins spread over three processes: the sixth gets 429", async ({ browser }) => {
  const context = await browser.newContext();
  const { email } = await signUp(context, "Lock", cluster.app(0));
  await context.close();
  // one client address for all six (the balancer would pass it on as X-Forwarded-For)
  const address = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 6; attempt++) {
    const base = cluster.app(attempt % 3);
    const client = await request.newContext({ baseURL: base, extraHTTPHeaders: { "X-Forwarded-For": address } });
    const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await client.post("/api/auth/callback/credentials", { form: { email, password: "not the password", csrfToken, json: "true", callbackUrl: "/" }, maxRedirects: 0 });
    statuses.push(res.status());
    if (attempt === 5) expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
    await client.dispose();
  }
  expect(statuses.slice(0, 5)).not.toContain(429);
  expect(statuses[5]).toBe(429);
});

test("a mail queued once is sent once, though every process polls the outbox", async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext();
  const { userId, slug, email } = await signUp(context, "Mo", cluster.app(0));
  await context.close();
  const [workspace] = await sql<{ id: string }>(`SELECT id FROM "Workspace" WHERE slug = $1`, [slug]);
  // the capture holds this mail longer than the outbox poll: a process that did not claim it sends it again
  const text = `${HOLD_MARK} Cluster mail ${randomBytes(4).toString("hex")}`;
  const id = `cluster${randomBytes(8).toString("hex")}`;
  await sql(`INSERT INTO "Notification" (id, "userId", "workspaceId", kind, text, url) VALUES ($1, $2, $3, 'mention', $4, '/')`, [id, userId, workspace!.id, text]);

  const sentFor = async () => (await mails()).filter((m) => m.subject.includes(text));
  await expect.poll(async () => (await sentFor()).length, { timeout: 60_000 }).toBeGreaterThan(0);
  await expect.poll(async () => (await sql<{ mailedAt: Date | null }>(`SELECT "mailedAt" FROM "Notification" WHERE id = $1`, [id]))[0]?.mailedAt ?? null).not.toBeNull();
  // every process has polled at least twice more, each poll held as long as a send takes
  await new Promise((resolve) => setTimeout(resolve, 3 * MAIL_POLL_SECONDS * 1000 + SMTP_HOLD_MS));
  const sent = await sentFor();
  expect(sent.map((m) => m.to.join(","))).toEqual([`<${email}>`]);
});
