import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { flushDocument } from "@/lib/collab/gateway";
import { applyStoreMessage, StoreAck } from "@/lib/collab/storeAck";
import { STORED_QUERY } from "@/lib/collab/storeStatus";
import { bodyName, sectionOrder } from "@/lib/collab/ydoc";
import { createDocument } from "@/lib/documents/createDocument";
import { getMetrics } from "@/lib/observability/metrics";
import { listTemplates } from "@/lib/templates/templates";
import { connect, sessionCookie, startCollabServer, waitFor, type TestClient } from "../../support/collab";
import { ctxFor, makeWorkspace, testDb, unique } from "../../support/db";

let server: Awaited<ReturnType<typeof startCollabServer>>;
beforeAll(async () => {
  server = await startCollabServer();
});
afterAll(async () => {
  await server.stop();
});

async function openDocument() {
  const ws = await makeWorkspace();
  const ctx = ctxFor(ws.owner);
  const template = (await listTemplates(ctx, { slug: ws.slug }))[0]!;
  const doc = await createDocument(ctx, { slug: ws.slug, templateId: template.id });
  const client = connect(server.url, doc.id, await sessionCookie(ws.owner.userId));
  const messages: string[] = [];
  const ack = new StoreAck(client.ydoc, (origin) => origin === client.provider);
  client.provider.on("stateless", ({ payload }: { payload: string }) => {
    messages.push(payload);
    applyStoreMessage(ack, payload);
  });
  expect(await client.ready).toBe(true);
  return { doc, client, messages, ack, key: sectionOrder(client.ydoc)[0]! };
}

function typeInto(client: TestClient, key: string, text: string) {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  const body = client.ydoc.getXmlFragment(bodyName(key));
  body.insert(body.length, [paragraph]);
}

/** Makes PostgreSQL refuse every write to one document, as a failing database would. */
async function refuseWrites(documentId: string): Promise<() => Promise<void>> {
  const name = unique("refuse").replace(/-/g, "_");
  await testDb().$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$ LANGUAGE plpgsql`);
  await testDb().$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE UPDATE ON "Document" FOR EACH ROW WHEN (OLD.id = '${documentId}') EXECUTE FUNCTION ${name}()`);
  return async () => {
    await testDb().$executeRawUnsafe(`DROP TRIGGER ${name} ON "Document"`);
    await testDb().$executeRawUnsafe(`DROP FUNCTION ${name}()`);
  };
}

const failures = async () => (await getMetrics().collabStoreFailures.get()).values[0]?.value ?? 0;
const storedText = async (documentId: string, key: string) => (await testDb().section.findFirst({ where: { documentId, key } }))?.text ?? "";

describe("storing an open document", () => {
  it("never tells editors saved while the database refuses the store, and says so once a retry stores it", async () => {
    const { doc, client, messages, ack, key } = await openDocument();
    const counted = await failures();
    const allow = await refuseWrites(doc.id);
    try {
      typeInto(client, key, "typed while the database refuses");
      expect(ack.state).toBe("pending");
      client.provider.sendStateless("save");
      await waitFor(() => messages.some((m) => m.includes("store-failed")));
      expect(ack.state).toBe("failing");
      expect(messages.some((m) => m.includes('"saved"'))).toBe(false);
      expect(await failures()).toBeGreaterThan(counted);
      expect(await storedText(doc.id, key)).not.toContain("typed while the database refuses");
      // nothing is judged (submit, approvals, versions) on content that is not stored
      await expect(flushDocument(doc.id)).rejects.toThrow(/not saved yet/);
    } finally {
      await allow();
    }
    // the server retries on its own (1 s, 2 s, …) and then reports what it stored
    await waitFor(() => ack.state === "stored", 10_000);
    expect(await storedText(doc.id, key)).toContain("typed while the database refuses");
    client.provider.sendStateless("save");
    await waitFor(() => messages.some((m) => m.includes('"saved"')));
    client.close();
  });

  it("reports an edit as stored only after the store that holds it, deletions included", async () => {
    const { doc, client, ack, key } = await openDocument();
    client.provider.sendStateless(STORED_QUERY);
    await waitFor(() => ack.state === "stored");
    typeInto(client, key, "to be stored");
    expect(ack.state).toBe("pending");
    // received by the server at once, stored only after the debounce
    await waitFor(() => !client.provider.hasUnsyncedChanges);
    expect(ack.state).toBe("pending");
    await waitFor(() => ack.state === "stored", 8000);
    expect(await storedText(doc.id, key)).toContain("to be stored");

    // a deletion alone adds no clock: it is tracked by the stored delete set
    const body = client.ydoc.getXmlFragment(bodyName(key));
    body.delete(body.length - 1, 1);
    expect(ack.state).toBe("pending");
    await waitFor(() => ack.state === "stored", 8000);
    expect(await storedText(doc.id, key)).not.toContain("to be stored");
    client.close();
  });
});
