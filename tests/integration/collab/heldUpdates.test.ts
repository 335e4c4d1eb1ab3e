import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { MAX_HELD_UPDATES } from "@/lib/collab/updateGuard";
import { bodyName, sectionOrder } from "@/lib/collab/ydoc";
import { createDocument } from "@/lib/documents/createDocument";
import { listTemplates } from "@/lib/templates/templates";
import { connect, sessionCookie, startCollabServer, waitFor, type TestClient } from "../../support/collab";
import { ctxFor, makeWorkspace, testDb } from "../../support/db";

let server: Awaited<ReturnType<typeof startCollabServer>>;
beforeAll(async () => {
  server = await startCollabServer();
});
afterAll(async () => {
  await server.stop();
});

async function openNewDocument(): Promise<{ documentId: string; cookie: string; client: TestClient; messages: { type?: string }[] }> {
  const ws = await makeWorkspace(["editor"]);
  const ctx = ctxFor(ws.owner);
  const template = (await listTemplates(ctx, { slug: ws.slug }))[0]!;
  const doc = await createDocument(ctx, { slug: ws.slug, templateId: template.id });
  const cookie = await sessionCookie(ws.members.editor[0]!.userId);
  const client = connect(server.url, doc.id, cookie);
  const messages: { type?: string }[] = [];
  client.provider.on("stateless", ({ payload }: { payload: string }) => messages.push(JSON.parse(payload) as { type?: string }));
  expect(await client.ready).toBe(true);
  return { documentId: doc.id, cookie, client, messages };
}

/** The raw socket message a provider sends for an update: document name, sync, then `step` (1: sync step 2, 2: update). */
function syncMessage(documentId: string, step: 1 | 2, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentId);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Changes an editor made in its own copy while its socket was away, each as the update Yjs produced. */
function typedOffline(client: TestClient, key: string, texts: string[], make: (text: string) => Y.XmlElement = paragraphOf): Uint8Array[] {
  const offline = new Y.Doc();
  Y.applyUpdate(offline, Y.encodeStateAsUpdate(client.ydoc));
  const updates: Uint8Array[] = [];
  offline.on("update", (update: Uint8Array) => updates.push(update));
  const body = offline.getXmlFragment(bodyName(key));
  for (const text of texts) body.insert(body.length, [make(text)]);
  return updates;
}

function paragraphOf(text: string): Y.XmlElement {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  return paragraph;
}

const send = (client: TestClient, message: Uint8Array) => client.provider.configuration.websocketProvider.send(message);
const storedText = async (documentId: string, key: string) => (await testDb().section.findFirst({ where: { documentId, key } }))?.text ?? "";

describe("a change that arrives before what it depends on", () => {
  it("is held until the sync carrying its dependencies arrives, then stored, and the sender is not refused", async () => {
    const { documentId, cookie, client, messages } = await openNewDocument();
    const key = sectionOrder(client.ydoc)[0]!;
    const [before, after] = typedOffline(client, key, ["typed before the outage", "typed after reconnecting"]);
    // the newest keystrokes first, then the sync step 2 with the older ones (as after a reconnect)
    send(client, syncMessage(documentId, 2, after!));
    send(client, syncMessage(documentId, 1, before!));
    await waitFor(async () => (await storedText(documentId, key)).includes("typed after reconnecting"));
    expect(await storedText(documentId, key)).toContain("typed before the outage");
    expect(messages.filter((m) => m.type === "update-refused")).toEqual([]);
    // and it reached the live document: a new editor sees both
    const again = connect(server.url, documentId, cookie);
    expect(await again.ready).toBe(true);
    expect(again.ydoc.getXmlFragment(bodyName(key)).toString()).toContain("typed after reconnecting");
    again.close();
    client.close();
  });

  it("is checked once complete: a held change that breaks the document rules never reaches the document", async () => {
    const { documentId, cookie, client, messages } = await openNewDocument();
    const key = sectionOrder(client.ydoc)[0]!;
    // keeps the live document open and shows what reached it
    const observer = connect(server.url, documentId, cookie);
    expect(await observer.ready).toBe(true);
    const [before, hostile] = typedOffline(client, key, ["harmless", "alert(1)"], (text) => {
      const element = new Y.XmlElement(text === "harmless" ? "paragraph" : "script");
      element.insert(0, [new Y.XmlText(text)]);
      return element;
    });
    send(client, syncMessage(documentId, 2, hostile!));
    send(client, syncMessage(documentId, 1, before!));
    await waitFor(() => messages.some((m) => m.type === "update-refused"));
    const live = server.collab.hocuspocus.documents.get(documentId)!;
    expect(live.getXmlFragment(bodyName(key)).toString()).not.toContain("script");
    expect(live.store.pendingStructs).toBeNull();
    expect(observer.ydoc.getXmlFragment(bodyName(key)).toString()).not.toContain("script");
    observer.close();
    client.close();
  });

  it("is refused past the bound on held changes, so a client cannot make the server keep unbounded data", async () => {
    const { documentId, client, messages } = await openNewDocument();
    const key = sectionOrder(client.ydoc)[0]!;
    const updates = typedOffline(client, key, Array.from({ length: MAX_HELD_UPDATES + 2 }, (_, i) => `line ${i}`));
    // never the first one: every other one waits for it
    for (const update of updates.slice(1)) send(client, syncMessage(documentId, 2, update));
    await waitFor(() => messages.some((m) => m.type === "update-refused"), 30_000);
    expect(server.collab.hocuspocus.documents.get(documentId)?.getXmlFragment(bodyName(key)).toString() ?? "").not.toContain("line 1<");
    client.close();
  });
});
