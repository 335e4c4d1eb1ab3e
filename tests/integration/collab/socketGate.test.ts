import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createDocument } from "@/lib/documents/createDocument";
import { listTemplates } from "@/lib/templates/templates";
import { connect, sessionCookie, startCollabServer, waitFor } from "../../support/collab";
import { watch } from "../../support/collabWatch";
import { ctxFor, makeUser, makeWorkspace } from "../../support/db";

// Hocuspocus message types (see @hocuspocus/server MessageType)
const AWARENESS = 1;
const AUTH = 2;
const BROADCAST_STATELESS = 6;
const STATELESS = 5;

let server: Awaited<ReturnType<typeof startCollabServer>>;
// one that waits long for an authentication: a socket it closes was closed for what it sent
let patient: Awaited<ReturnType<typeof startCollabServer>>;
beforeAll(async () => {
  [server, patient] = await Promise.all([startCollabServer({ gateLimits: { authTimeoutMs: 300 } }), startCollabServer({ gateLimits: { authTimeoutMs: 60_000 } })]);
});
afterAll(async () => {
  await Promise.all([server.stop(), patient.stop()]);
});

function message(documentName: string, type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const auth = (documentName: string) => message(documentName, AUTH, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarString(e, "token")));

/** A bare WebSocket to the collaboration server, as an attacker would open one. */
async function rawSocket(cookie?: string, url = server.url) {
  const ws = new WebSocket(url, cookie ? { headers: { cookie } } : {});
  const received: Buffer[] = [];
  ws.on("message", (data: Buffer) => received.push(data));
  const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
  ws.on("error", () => undefined);
  await new Promise((resolve) => ws.once("open", resolve));
  return { ws, received, closed };
}

async function newDocument(roles: ("editor" | "viewer")[]) {
  const ws = await makeWorkspace(roles);
  const ctx = ctxFor(ws.owner);
  const template = (await listTemplates(ctx, { slug: ws.slug }))[0]!;
  return { ws, doc: await createDocument(ctx, { slug: ws.slug, templateId: template.id }) };
}

const within = <T>(promise: Promise<T>, ms: number) => Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms))]);

describe("unauthenticated collaboration sockets", () => {
  it("are closed when they do not authenticate in time", async () => {
    const socket = await rawSocket();
    expect(await within(socket.closed, 2000)).toBe(4401);
  });

  it("are closed right after their authentication is refused", async () => {
    const socket = await rawSocket();
    socket.ws.send(auth("some-document"));
    expect(await within(socket.closed, 2000)).toBe(4401);
    expect(socket.received.length).toBe(1); // the refusal, then nothing
  });

  it("are closed when their first message is not an authentication", async () => {
    const socket = await rawSocket();
    socket.ws.send(message("some-document", STATELESS, (e) => encoding.writeVarString(e, "hello")));
    expect(await within(socket.closed, 2000)).toBe(4401);
  });

  it("are cut off at once when they send more than a few messages before their authentication is decided", async () => {
    const { doc } = await newDocument([]);
    // a signed-in stranger: deciding takes a few database reads
    const socket = await rawSocket(await sessionCookie((await makeUser("Stranger")).userId));
    socket.ws.send(auth(doc.id));
    for (let i = 0; i < 20; i++) socket.ws.send(message(doc.id, STATELESS, (e) => encoding.writeVarString(e, "x")));
    // terminated (no close frame), not closed politely after the refusal
    expect(await within(socket.closed, 1000)).toBe(1006);
  });

  it("are cut off by the bytes they send before authenticating, at once rather than by the authentication timeout", async () => {
    const { doc } = await newDocument([]);
    const socket = await rawSocket(undefined, patient.url);
    socket.ws.send(message(doc.id, STATELESS, (e) => encoding.writeVarString(e, "x".repeat(256 * 1024))));
    // terminated without a close frame, long before this server's authentication timeout
    expect(await within(socket.closed, 2000)).toBe(1006);
  });

  it("are cut off when they send megabytes before authenticating", async () => {
    const { doc } = await newDocument([]);
    const sockets = await Promise.all(Array.from({ length: 5 }, () => rawSocket()));
    const frame = Buffer.concat([Buffer.from(auth(doc.id)), Buffer.alloc(4 * 1024 * 1024, 1)]);
    for (const socket of sockets) {
      socket.ws.send(auth(doc.id));
      socket.ws.send(frame);
    }
    const codes = await within(Promise.all(sockets.map((s) => s.closed)), 5000);
    // terminated without a close frame
    expect(codes.every((code) => code === 1006 || code === 4401)).toBe(true);
  });
});

describe("what one client can make others see", () => {
  it("a viewer's relayed 'too large' notice never reaches an editor", async () => {
    const { ws, doc } = await newDocument(["viewer"]);
    const owner = connect(server.url, doc.id, await sessionCookie(ws.owner.userId));
    const viewer = connect(server.url, doc.id, await sessionCookie(ws.members.viewer[0]!.userId));
    expect(await Promise.all([owner.ready, viewer.ready])).toEqual([true, true]);
    const seen = watch(owner);
    const fake = JSON.stringify({ type: "too-large", message: "This document is too large. Your changes are not saved." });
    viewer.provider.configuration.websocketProvider.send(message(doc.id, BROADCAST_STATELESS, (e) => encoding.writeVarString(e, fake)));
    viewer.provider.sendStateless(fake);
    // a later message from the viewer that does reach the owner: everything before it was handled
    viewer.provider.setAwarenessField("user", { name: "viewer", color: "#123456" });
    await waitFor(() => [...owner.provider.awareness!.getStates().values()].some((s) => (s as { user?: { color?: string } }).user?.color === "#123456"));
    expect(seen.notices).toEqual([]);
    owner.close();
    viewer.close();
  });

  it("presence shows the name the server knows, and no one can speak for another's caret", async () => {
    const { ws, doc } = await newDocument(["viewer", "editor"]);
    const owner = connect(server.url, doc.id, await sessionCookie(ws.owner.userId));
    const viewer = connect(server.url, doc.id, await sessionCookie(ws.members.viewer[0]!.userId));
    const editor = connect(server.url, doc.id, await sessionCookie(ws.members.editor[0]!.userId));
    expect(await Promise.all([owner.ready, viewer.ready, editor.ready])).toEqual([true, true, true]);
    owner.provider.setAwarenessField("user", { name: "Owner", color: "#111111" });
    viewer.provider.setAwarenessField("user", { name: "Document too large, not saved", color: "#222222" });
    const userOf = (clientId: number) => (editor.provider.awareness!.getStates().get(clientId) as { user?: { name?: string; color?: string } } | undefined)?.user;
    await waitFor(() => userOf(owner.ydoc.clientID)?.color === "#111111" && userOf(viewer.ydoc.clientID)?.color === "#222222");
    expect(userOf(viewer.ydoc.clientID)?.name).toBe(ws.members.viewer[0]!.name);

    // the viewer claims the owner's awareness client, with a newer clock
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, owner.ydoc.clientID);
    encoding.writeVarUint(update, 1000);
    encoding.writeVarString(update, JSON.stringify({ user: { name: "Impostor", color: "#333333" } }));
    viewer.provider.configuration.websocketProvider.send(message(doc.id, AWARENESS, (e) => encoding.writeVarUint8Array(e, encoding.toUint8Array(update))));
    viewer.provider.setAwarenessField("user", { name: "viewer", color: "#444444" });
    await waitFor(() => userOf(viewer.ydoc.clientID)?.color === "#444444");
    expect(userOf(owner.ydoc.clientID)).toEqual({ name: ws.owner.name, color: "#111111" });
    owner.close();
    viewer.close();
    editor.close();
  });
});
