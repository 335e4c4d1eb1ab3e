import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyStoreMessage, StoreAck } from "@/lib/collab/storeAck";
import { editText } from "@/lib/collab/textFields";

const REMOTE = Symbol("socket");
const storedMessage = (doc: Y.Doc) => JSON.stringify({ type: "stored", snapshot: Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString("base64") });

/** A client and the server it talks to, kept in step by hand. */
function pair() {
  const client = new Y.Doc();
  const server = new Y.Doc();
  const ack = new StoreAck(client, (origin) => origin === REMOTE);
  const send = () => Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
  return { client, server, ack, send };
}

describe("StoreAck", () => {
  it("holds an edit until a stored snapshot contains it, not merely until the server has it", () => {
    const { client, server, ack, send } = pair();
    const text = client.getText("t");
    text.insert(0, "hello");
    expect(ack.state).toBe("pending");
    const before = storedMessage(server);
    send();
    applyStoreMessage(ack, before); // a store from before the edit arrived
    expect(ack.state).toBe("pending");
    applyStoreMessage(ack, storedMessage(server));
    expect(ack.state).toBe("stored");
  });

  it("holds a deletion (which adds no clock) until the stored delete set has it", () => {
    const { client, server, ack, send } = pair();
    client.getText("t").insert(0, "hello");
    send();
    applyStoreMessage(ack, storedMessage(server));
    client.getText("t").delete(0, 5);
    expect(ack.state).toBe("pending");
    applyStoreMessage(ack, storedMessage(server));
    expect(ack.state).toBe("pending");
    send();
    applyStoreMessage(ack, storedMessage(server));
    expect(ack.state).toBe("stored");
  });

  it("ignores changes that came from the socket, and reports failing stores until one succeeds", () => {
    const { client, server, ack } = pair();
    server.getText("t").insert(0, "from someone else");
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server), REMOTE);
    expect(ack.state).toBe("stored");
    // and says which message it was: the page checks the submit gate again on "stored"
    expect(applyStoreMessage(ack, JSON.stringify({ type: "store-failed" }))).toBe("store-failed");
    expect(ack.state).toBe("failing");
    expect(applyStoreMessage(ack, "not json")).toBeNull();
    expect(applyStoreMessage(ack, JSON.stringify({ type: "read-only" }))).toBeNull();
    expect(ack.state).toBe("failing");
    expect(applyStoreMessage(ack, storedMessage(server))).toBe("stored");
    expect(ack.state).toBe("stored");
  });
});

describe("editText", () => {
  it("changes only what differs, so concurrent edits at both ends merge", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText("f").insert(0, "Specwright walk");
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    editText(a.getText("f"), "Specwright walk ALPHA");
    editText(b.getText("f"), "BETA Specwright walk");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText("f").toString()).toBe("BETA Specwright walk ALPHA");
    expect(b.getText("f").toString()).toBe("BETA Specwright walk ALPHA");
  });
});
