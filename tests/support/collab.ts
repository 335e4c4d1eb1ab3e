import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { encode } from "next-auth/jwt";
import { startSession } from "@/lib/auth/sessions";
import WebSocket from "ws";
import * as Y from "yjs";
import { createCollab, type Collab } from "../../server/collab";
import { testDb } from "./db";
import type { GateLimits } from "../../server/socketGate";

export const TEST_SECRET = "test-secret-for-collaboration-sockets";

/** A real Hocuspocus (the app's collaboration server) on a random loopback port. */
export async function startCollabServer(options: { gateLimits?: Partial<GateLimits>; accessRecheckMs?: number } = {}): Promise<{ url: string; collab: Collab; upgrades(): number; stop(): Promise<void> }> {
  process.env.NEXTAUTH_SECRET = TEST_SECRET;
  const collab = createCollab(options);
  const server: Server = createServer((_req, res) => res.writeHead(404).end());
  let upgrades = 0;
  server.on("upgrade", (req, socket, head) => {
    upgrades += 1;
    collab.handleUpgrade(req, socket, head);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/collab`,
    collab,
    /** sockets opened so far (upgrade requests) */
    upgrades: () => upgrades,
    async stop() {
      await collab.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The session cookie a signed-in browser would send, naming a live session of `userId`. */
export async function sessionCookie(userId: string): Promise<string> {
  const sid = await startSession(testDb(), { userId }).catch(() => "no-such-session"); // a user already gone has no session
  const token = await encode({ token: { sub: userId, sid }, secret: TEST_SECRET });
  return `next-auth.session-token=${token}`;
}

export interface TestClient {
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
  /** resolves true once synced, false when authentication is refused */
  ready: Promise<boolean>;
  close(): void;
}

/** A headless editor: a Yjs provider that connects with the given cookie. */
export function connect(url: string, documentId: string, cookie: string | null): TestClient {
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  const ydoc = new Y.Doc();
  const websocketProvider = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: CookieWebSocket, maxAttempts: 1 });
  let settle: (ok: boolean) => void = () => {};
  const ready = new Promise<boolean>((resolve) => (settle = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: documentId,
    document: ydoc,
    token: "session-cookie",
    onSynced: () => settle(true),
    onAuthenticationFailed: () => settle(false),
  });
  // a provider given its own socket attaches explicitly
  provider.attach();
  return {
    ydoc,
    provider,
    ready,
    close() {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("condition not met in time");
}
