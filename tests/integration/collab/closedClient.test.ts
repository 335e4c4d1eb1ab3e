import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument } from "@/lib/documents/createDocument";
import { listTemplates } from "@/lib/templates/templates";
import { connect, sessionCookie, startCollabServer, waitFor } from "../../support/collab";
import { ctxFor, makeWorkspace } from "../../support/db";

let server: Awaited<ReturnType<typeof startCollabServer>>;
beforeAll(async () => {
  server = await startCollabServer();
});
afterAll(async () => {
  await server.stop();
});

/** A new document, and its owner's client synced with it. */
async function openedDocument() {
  const ws = await makeWorkspace(["editor"]);
  const ctx = ctxFor(ws.owner);
  const template = (await listTemplates(ctx, { slug: ws.slug }))[0]!;
  const doc = await createDocument(ctx, { slug: ws.slug, templateId: template.id });
  const client = connect(server.url, doc.id, await sessionCookie(ws.owner.userId));
  expect(await client.ready).toBe(true);
  return { doc, client };
}

describe("a client closed right after the server closed its socket", () => {
  it("does not open another socket (the reconnect it had scheduled is dropped)", async () => {
    const { doc, client } = await openedDocument();
    const opened = server.upgrades();
    let disconnected = false;
    client.provider.configuration.websocketProvider.on("disconnect", () => (disconnected = true));
    // the server ends the socket (a restart, a lost permission): the client schedules a reconnect
    const live = server.collab.hocuspocus.documents.get(doc.id)!;
    for (const socket of live.connections.keys()) socket.close(1012, "restarting");
    await waitFor(() => disconnected);
    // and is closed before that reconnect is due (the page was left)
    client.close();
    const delay = client.provider.configuration.websocketProvider.configuration.delay;
    await new Promise((r) => setTimeout(r, delay + 1_000));
    expect(server.upgrades()).toBe(opened);
  });

  it("that stays open does reconnect, and syncs again", async () => {
    const { doc, client } = await openedDocument();
    const opened = server.upgrades();
    const live = server.collab.hocuspocus.documents.get(doc.id)!;
    for (const socket of live.connections.keys()) socket.close(1012, "restarting");
    await waitFor(() => server.upgrades() > opened && server.collab.hocuspocus.documents.get(doc.id)?.getConnectionsCount() === 1, 10_000);
    client.close();
  });
});
