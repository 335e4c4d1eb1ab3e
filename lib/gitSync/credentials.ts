import type { GitAuth } from "./git";
import { open } from "../secrets/secretBox";

/** A connection's credential opened for one sync; it lives only in memory and in git's environment. */
export function authOf(connection: { id: string; credentialKind: string; credential: string | null; credentialUser: string }): GitAuth {
  if (!connection.credential || connection.credentialKind === "none") return { kind: "none" };
  const secret = open(connection.credential, connection.id);
  return connection.credentialKind === "ssh" ? { kind: "ssh", privateKey: secret } : { kind: "token", user: connection.credentialUser, token: secret };
}
