import { expect, test, type WebSocket } from "../e2e/fixtures";
import { backendIndex } from "./support/haproxy";
import { apps, cluster, expectSaved, killApp, newDocument, openEditor, routedSockets, savedStatus, secondContext, signUp, startApp, startPostgres, stopPostgres, storedText, typeAtEnd, typedText, watchSocketBackends } from "./support/env";

const readyStatus = async (base: string) => (await fetch(`${base}/api/ready`).catch(() => undefined))?.status ?? 0;

test("kill -9 of the process an editor types on: it reconnects through the balancer to another, and loses nothing", async ({ browser }) => {
  const context = await browser.newContext();
  const { slug } = await signUp(context, "Kit", cluster.app(0));
  const documentId = await newDocument(context, cluster.app(0), slug, "Survives a crash");
  const backends: string[] = [];
  const sockets: WebSocket[] = [];
  const page = await openEditor(context, cluster.balancer(), slug, documentId, async (p) => {
    p.on("websocket", (socket) => void (socket.url().includes("/collab") && sockets.push(socket)));
    await watchSocketBackends(p, backends);
  });
  const body = page.getByRole("textbox", { name: "Overview body" });
  expect(backends.length).toBeGreaterThan(0);
  const victim = backendIndex(backends.at(-1)!);

  try {
    await typeAtEnd(page, "Overview", " Saved before the crash.");
    await expectSaved(page);
    await killApp(victim);
    // what showed "Saved" was in PostgreSQL when its process died
    expect(await storedText(documentId, "Overview")).toContain("Saved before the crash.");

    // typed once the socket to the dead process is closed, before or while the client reconnects
    await expect.poll(() => sockets[0]!.isClosed()).toBe(true);
    await page.keyboard.type(" Typed during the outage.");
    await expect.poll(() => backends.length).toBeGreaterThan(1);
    expect(backendIndex(backends.at(-1)!)).not.toBe(victim);
    await expectSaved(page, 30_000);
    await expect.poll(() => storedText(documentId, "Overview")).toContain("Saved before the crash. Typed during the outage.");
    expect(await typedText(body)).toContain("Saved before the crash. Typed during the outage.");
  } finally {
    await startApp(victim);
    await context.close();
  }
});

test("kill -9 of the process that owns a document while an editor reaches it through another: the editor goes on, served where it connected", async ({ browser }) => {
  const context = await browser.newContext();
  const { slug } = await signUp(context, "Ode", cluster.app(0));
  const documentId = await newDocument(context, cluster.app(0), slug, "Owner gone");
  // the first editor, on process 2, makes that process the document's owner; the second, on
  // process 3, is handed to it
  await openEditor(context, cluster.app(1), slug, documentId);
  const routed = await routedSockets(2);
  const page = await openEditor(context, cluster.app(2), slug, documentId);
  expect(await routedSockets(2)).toBe(routed + 1);
  const body = page.getByRole("textbox", { name: "Overview body" });
  try {
    await typeAtEnd(page, "Overview", " Before the owner died.");
    await expectSaved(page);
    await killApp(1);
    expect(await storedText(documentId, "Overview")).toContain("Before the owner died.");
    await page.keyboard.type(" After it.");
    // process 3 finds the owner gone and serves the document itself
    await expectSaved(page, 30_000);
    await expect.poll(() => storedText(documentId, "Overview")).toContain("Before the owner died. After it.");
    expect(await typedText(body)).toContain("Before the owner died. After it.");
  } finally {
    await startApp(1);
    await context.close();
  }
});

test("PostgreSQL stopped for 10 s while two people type: no process crashes, /api/ready says 503 then recovers, nothing typed is lost", async ({ browser }) => {
  test.setTimeout(180_000);
  const contextA = await browser.newContext();
  const { slug } = await signUp(contextA, "Pia", cluster.app(0));
  const documentId = await newDocument(contextA, cluster.app(0), slug, "Database outage");
  const contextB = await secondContext(browser, contextA);
  const a = await openEditor(contextA, cluster.app(0), slug, documentId);
  const b = await openEditor(contextB, cluster.app(1), slug, documentId);
  const crashesBefore = (await apps()).map((p) => p.crashes);

  await typeAtEnd(a, "Overview", " A before.");
  await typeAtEnd(b, "Components", " B before.");
  await expectSaved(a);
  await expectSaved(b);
  await expect.poll(() => storedText(documentId, "Overview")).toContain("A before.");
  await expect.poll(() => storedText(documentId, "Components")).toContain("B before.");

  const stoppedAt = Date.now();
  await stopPostgres();
  try {
    await Promise.all([typeAtEnd(a, "Overview", " A while the database is down."), typeAtEnd(b, "Components", " B while the database is down.")]);
    for (let i = 0; i < 3; i++) await expect.poll(() => readyStatus(cluster.app(i))).toBe(503);
    await Promise.all([a.keyboard.type(" A still typing."), b.keyboard.type(" B still typing.")]);
    // nobody is told "Saved" for what is not stored
    await expect(savedStatus(a)).toBeHidden();
    await expect(savedStatus(b)).toBeHidden();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 10_000 - (Date.now() - stoppedAt))));
  } finally {
    await startPostgres();
  }

  for (let i = 0; i < 3; i++) await expect.poll(() => readyStatus(cluster.app(i)), { timeout: 30_000 }).toBe(200);
  const after = await apps();
  expect(after.map((p) => p.running)).toEqual([true, true, true]);
  expect(after.map((p) => p.crashes)).toEqual(crashesBefore);

  // nothing more is typed: what was typed during the outage reaches PostgreSQL by itself
  await expect.poll(() => storedText(documentId, "Overview"), { timeout: 60_000 }).toContain("A before. A while the database is down. A still typing.");
  await expect.poll(() => storedText(documentId, "Components"), { timeout: 60_000 }).toContain("B before. B while the database is down. B still typing.");
  await expectSaved(a);
  await expectSaved(b);
  await contextA.close();
  await contextB.close();
});
