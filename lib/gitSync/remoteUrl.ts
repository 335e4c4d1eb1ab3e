/** Whether file:// URLs and local paths may be remotes: GIT_SYNC_ALLOW_LOCAL=1 (tests, a repository on the same machine). */
export function localRemotesAllowed(env: Partial<Record<string, string>> = process.env): boolean {
  return env.GIT_SYNC_ALLOW_LOCAL === "1";
}

const SCP_LIKE = /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:(?!\/\/)[^\s]+$/;

/** Whether git reaches the address over SSH (`ssh://…` or `user@host:path`), where the host's key is pinned. */
export function isSshAddress(url: string): boolean {
  return url.startsWith("ssh://") || SCP_LIKE.test(url);
}

/**
 * Why a repository address cannot be used, or null when it can: https://, ssh:// or
 * `user@host:path`; file:// and absolute paths only when local remotes are allowed. A
 * password or token in the address is refused (it goes in the credential, stored sealed).
 */
export function remoteUrlProblem(url: string, allowLocal = localRemotesAllowed()): string | null {
  if (/\s/.test(url) || url.startsWith("-")) return "Enter the repository's address without spaces.";
  if (SCP_LIKE.test(url)) return null;
  if (url.startsWith("/")) return allowLocal ? null : "Local paths are not allowed as repositories on this server (GIT_SYNC_ALLOW_LOCAL).";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "Enter the repository's address: https://…, ssh://… or git@host:path.";
  }
  if (parsed.protocol === "file:") return allowLocal ? null : "file:// repositories are not allowed on this server (GIT_SYNC_ALLOW_LOCAL).";
  if (parsed.protocol !== "https:" && parsed.protocol !== "ssh:") return "Use an https:// or ssh:// address (or git@host:path).";
  if (parsed.password) return "Put the token in the credential field, not in the address: the address is shown to admins, the credential is stored sealed.";
  if (!parsed.hostname) return "The address has no host.";
  return null;
}
