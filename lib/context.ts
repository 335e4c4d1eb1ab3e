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
}

/** An actor's standing in one workspace, loaded for permission checks. */
export interface WorkspaceMember {
  workspaceId: string;
  userId: string;
  role: Role;
}
