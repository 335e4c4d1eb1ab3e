import { open, seal, SECRET_KEY_ENV } from "../secrets/secretBox";

const SEALED = /^v1\.[\w-]+\.[\w-]+\.[\w-]*$/;

/** What binds a sealed signing secret to its workspace: copied to another workspace's endpoint, it does not open. */
const contextOf = (workspaceId: string) => `webhook:${workspaceId}`;

/**
 * A signing secret as it is stored: sealed with SPECWRIGHT_SECRET_KEY (lib/secrets) when the
 * key is set, as it is otherwise (a cluster started without one), so a copy of the database
 * alone does not sign events.
 */
export function storedSecret(secret: string, workspaceId: string): string {
  return process.env[SECRET_KEY_ENV]?.trim() ? seal(secret, contextOf(workspaceId)) : secret;
}

/** The signing secret of a stored one: opened when sealed (SecretKeyError when the key changed), as it is otherwise. */
export function signingSecret(stored: string, workspaceId: string): string {
  return SEALED.test(stored) ? open(stored, contextOf(workspaceId)) : stored;
}
