import type { TestClient } from "./collab";

export interface Watched {
  /** stateless payloads the client received, in order */
  notices: string[];
  /** whether the server closed the client's document connection or socket */
  closed(): boolean;
}

/** Records what the server tells a test client, and whether it was closed. */
export function watch(client: TestClient): Watched {
  const notices: string[] = [];
  let closed = false;
  client.provider.on("stateless", ({ payload }: { payload: string }) => notices.push(payload));
  client.provider.on("close", () => (closed = true));
  return { notices, closed: () => closed };
}
