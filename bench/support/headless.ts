// Headless editors: Yjs documents synced over a HocuspocusProvider, optionally sending a
// session cookie with the WebSocket upgrade (the app authenticates sockets by cookie).
import { spawn } from "node:child_process";
import path from "node:path";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { bodyName, ORDER } from "../../lib/collab/ydoc";
import { REPO_ROOT, stopChild } from "./app";
import { onCleanup, sleep } from "./harness";

export interface HeadlessEditor {
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
  /** resolves true once synced, false when authentication is refused */
  ready: Promise<boolean>;
  /** how often the socket closed after connecting */
  closes: number;
  close(): void;
}

export function connectEditor(url: string, documentName: string, cookie: string | null, ydoc = new Y.Doc()): HeadlessEditor {
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  const websocketProvider = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: CookieWebSocket, maxAttempts: 1 });
  let settle: (ok: boolean) => void = () => {};
  const ready = new Promise<boolean>((resolve) => (settle = resolve));
  const editor: HeadlessEditor = {
    ydoc,
    provider: undefined as unknown as HocuspocusProvider,
    ready,
    closes: 0,
    close() {
      editor.provider.destroy();
      websocketProvider.destroy();
    },
  };
  editor.provider = new HocuspocusProvider({
    websocketProvider,
    name: documentName,
    document: ydoc,
    token: "session-cookie",
    onSynced: () => settle(true),
    onAuthenticationFailed: () => settle(false),
    onClose: () => {
      editor.closes++;
    },
  });
  editor.provider.attach();
  return editor;
}

export interface BareServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts bench/support/bare-hocuspocus.ts in its own node process. */
export async function startBareHocuspocus(): Promise<BareServer> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("bench", "support", "bare-hocuspocus.ts")], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  onCleanup("stop bare Hocuspocus", () => stopChild(child, "SIGTERM", 10_000));
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("bare Hocuspocus did not start within 30 s")), 30_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const match = /\{"port":(\d+)\}/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once("exit", (code) => reject(new Error(`bare Hocuspocus exited (${code})`)));
  });
  return { url: `ws://127.0.0.1:${port}`, pid: child.pid!, stop: () => stopChild(child, "SIGTERM", 10_000) };
}

/** Waits until every editor is synced; throws on refusal or time-out. */
export async function allReady(editors: HeadlessEditor[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const results = await Promise.all(
    editors.map((e) => Promise.race([e.ready, sleep(Math.max(0, deadline - Date.now())).then(() => null)])),
  );
  const refused = results.filter((r) => r === false).length;
  const late = results.filter((r) => r === null).length;
  if (refused || late) throw new Error(`${refused} editors were refused and ${late} did not sync within ${timeoutMs} ms`);
}

/** The Y.XmlText headless editors of a document type into: the first text in the first section body that has one. */
export function typingTarget(ydoc: Y.Doc): Y.XmlText {
  for (const key of ydoc.getArray<string>(ORDER).toArray()) {
    const stack: (Y.XmlFragment | Y.XmlElement | Y.XmlText | Y.XmlHook)[] = [ydoc.getXmlFragment(bodyName(key))];
    while (stack.length) {
      const node = stack.shift()!;
      if (node instanceof Y.XmlText) return node;
      if (node instanceof Y.XmlFragment || node instanceof Y.XmlElement) stack.unshift(...node.toArray());
    }
  }
  throw new Error("no section body with text");
}
