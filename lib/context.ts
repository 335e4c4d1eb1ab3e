import type { DbTx } from "./db";
import type { Role } from "./access/roles";
import type { TokenGrant } from "./access/scopes";

/** The signed-in person on whose behalf a use case runs. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  /** set when the person acts through an API token: the policy limits them to its scope and workspace */
  token?: TokenGrant;
}

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What every use case receives: who acts and the database (possibly a transaction). */
export interface Ctx {
  actor: Actor;
  db: DbTx;
  requestId?: string;
  log?: Logger;
  /**
   * What this request has read, when it only reads: a page that asks several use cases about
   * one document loads the document, the actor's membership and its sections once (see
   * `remember`). Never set on a context that writes: a read after a write must see it.
   */
  reads?: Map<string, Promise<unknown>>;
}

/** `load()`, once per `key` in a reading request (`ctx.reads`); every time without it. */
export function remember<T>(ctx: Ctx, key: string, load: () => Promise<T>): Promise<T> {
  if (!ctx.reads) return load();
  const known = ctx.reads.get(key) as Promise<T> | undefined;
  if (known) return known;
  const loading = load();
  ctx.reads.set(key, loading);
  return loading;
}

/** Tells a reading request (`ctx.reads`) what is already known under `key`; nothing without one. */
export function know<T>(ctx: Ctx, key: string, value: T): void {
  ctx.reads?.set(key, Promise.resolve(value));
}

/** An actor's standing in one workspace, loaded for permission checks. */
export interface WorkspaceMember {
  workspaceId: string;
  userId: string;
  role: Role;
}
