import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** How git reaches the remote: nothing, an HTTPS token, or an SSH private key. Never logged. */
export type GitAuth = { kind: "none"; knownHostsFile?: string } | { kind: "token"; user: string; token: string } | { kind: "ssh"; privateKey: string; knownHostsFile?: string };

/** A git command that failed; the message holds its stderr with any credential scrubbed. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 120_000;
const MAX_BUFFER = 64 * 1024 * 1024;

export interface GitOptions {
  auth?: GitAuth;
  /** extra environment (author and committer) */
  env?: Record<string, string>;
  /** written to the command's stdin */
  input?: string;
  /** file:// and local paths as remotes (GIT_SYNC_ALLOW_LOCAL, tests) */
  allowLocal?: boolean;
}

/**
 * Settings on every command: only the https and ssh transports (plus file for local remotes
 * when allowed). The working clone's own config turns its hooks off (`workingCopy.ts`); a
 * `-c` here would reach a local remote's receive-pack too and switch off that repository's hooks.
 */
function baseArgs(allowLocal: boolean): string[] {
  const transports = ["https", "ssh", ...(allowLocal ? ["file"] : [])];
  return ["-c", "protocol.allow=never", ...transports.flatMap((t) => ["-c", `protocol.${t}.allow=always`]), "-c", "advice.detachedHead=false"];
}

/**
 * The environment carrying the credential: an HTTPS token as an Authorization header through
 * GIT_CONFIG_*, an SSH key as a private file, never as an argument. Without a key, an ssh
 * remote is still reached with none: plain ssh would offer the server account's own ~/.ssh
 * keys (and trust hosts through its ~/.ssh/known_hosts).
 */
async function authEnv(auth: GitAuth | undefined): Promise<{ env: Record<string, string>; secret?: string; cleanup: () => Promise<void> }> {
  if (!auth || auth.kind === "none") return { env: { GIT_SSH_COMMAND: sshCommand(null, auth?.knownHostsFile ?? "/dev/null") }, cleanup: async () => {} };
  if (auth.kind === "token") {
    const basic = Buffer.from(`${auth.user}:${auth.token}`).toString("base64");
    return { env: { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "http.extraHeader", GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`, GIT_SSH_COMMAND: sshCommand(null, "/dev/null") }, secret: auth.token, cleanup: async () => {} };
  }
  // the key lives in a private temporary folder for the command's duration only
  const dir = await mkdtemp(path.join(os.tmpdir(), "specwright-ssh-"));
  const keyFile = path.join(dir, "key");
  await writeFile(keyFile, auth.privateKey.endsWith("\n") ? auth.privateKey : `${auth.privateKey}\n`, { mode: 0o600 });
  // the host's key is trusted on first use and then held to, per working clone (when the caller keeps a file for it)
  const knownHosts = auth.knownHostsFile ?? path.join(dir, "known_hosts");
  return {
    env: { GIT_SSH_COMMAND: sshCommand(keyFile, knownHosts) },
    secret: auth.privateKey,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * The ssh git runs: the connection's key only (or none), no prompt, the host's key trusted on
 * first use and held to in `knownHosts`. -F /dev/null: the server account's ~/.ssh/config
 * (which ssh reads whatever HOME says) must not add its keys, proxies or host settings.
 */
function sshCommand(keyFile: string | null, knownHosts: string): string {
  const ssh = ["ssh", "-F", "/dev/null", "-o", `IdentityFile=${keyFile ? sshPath(keyFile) : "none"}`, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=accept-new", "-o", `UserKnownHostsFile=${sshPath(knownHosts)}`];
  // git hands GIT_SSH_COMMAND to a shell: every word is quoted for it (a data folder may hold a space)
  return ssh.map(shellQuote).join(" ");
}

/**
 * A path as an ssh option's value: ssh splits UserKnownHostsFile at spaces (several files)
 * unless quoted, and expands %-tokens in both files, so a folder with a space or a % in its
 * name would pin the host's key in another file, or miss the key.
 */
function sshPath(file: string): string {
  return `"${file.replace(/%/g, "%%").replace(/["\\]/g, "\\$&")}"`;
}

/** One word for `sh`, whatever it holds. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Text with a secret (and its Basic form) removed, for errors and logs. */
export function scrub(text: string, secret: string | undefined): string {
  if (!secret) return text;
  let out = text;
  for (const s of [secret, Buffer.from(secret).toString("base64")]) if (s) out = out.split(s).join("***");
  return out.replace(/Authorization: Basic [A-Za-z0-9+/=*]+/g, "Authorization: Basic ***");
}

/** git's advice after any failed connection: it would push ssh's own reason out of the last lines. */
const CONNECTION_ADVICE = /^(Please make sure you have the correct access rights|and the repository exists\.)$/;

/**
 * Why a command failed, for an admin: ssh refusing a host whose key changed in words of its
 * own (its warning runs to a dozen lines and ends in advice to edit a file on this server,
 * where the way out is "Forget host key", `forgetHostKey.ts`),
 * else the last lines of stderr that say something.
 */
function reasonOf(stderr: string): string {
  const changed = /Host key for (\S+) has changed/.exec(stderr);
  if (changed) {
    const fingerprint = /\b(SHA256:[A-Za-z0-9+/]+)/.exec(stderr)?.[1];
    return `the SSH host key of ${changed[1]} has changed since this connection first trusted it${fingerprint ? ` (it now presents ${fingerprint})` : ""}, so nothing was fetched or pushed. Someone may be in between; if the host's owners did change its key, a workspace admin clicks "Forget host key" beside this connection in the Git sync settings, and the next sync trusts the new one.`;
  }
  const lines = stderr.split("\n").map((line) => line.trim()).filter((line) => line && !CONNECTION_ADVICE.test(line));
  return lines.slice(-4).join(" ");
}

/** The environment of every git command: no prompts, no machine-wide or user config. */
function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: process.env.NODE_ENV,
    PATH: process.env.PATH,
    HOME: os.tmpdir(),
    LANG: "C",
    LC_ALL: "C",
    GIT_TERMINAL_PROMPT: "0",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    ...extra,
  };
}

/** Runs `git <args>` in `cwd` and returns its stdout; GitError with the scrubbed stderr when it fails. */
export async function git(cwd: string, args: string[], options: GitOptions = {}): Promise<string> {
  const auth = await authEnv(options.auth);
  const env = gitEnv({ ...auth.env, ...options.env });
  try {
    return await new Promise<string>((resolve, reject) => {
      const child = execFile("git", [...baseArgs(options.allowLocal ?? false), ...args], { cwd, env, timeout: TIMEOUT_MS, maxBuffer: MAX_BUFFER, encoding: "utf8" }, (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const detail = scrub(String(stderr || error.message).trim(), auth.secret);
        reject(new GitError(`git ${args[0]} failed: ${reasonOf(detail)}`, detail));
      });
      if (options.input !== undefined) child.stdin?.end(options.input);
    });
  } finally {
    await auth.cleanup();
  }
}

/** `git show <rev>:<path>` as bytes (images), without the text decoding of `git`. */
export async function gitBytes(cwd: string, rev: string, file: string, options: GitOptions = {}): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    execFile("git", [...baseArgs(options.allowLocal ?? false), "show", `${rev}:${file}`], { cwd, encoding: "buffer", maxBuffer: MAX_BUFFER, timeout: TIMEOUT_MS, env: gitEnv() }, (error, stdout: Buffer, stderr: Buffer) => {
      if (error) reject(new GitError(`git show failed: ${String(stderr).trim()}`, String(stderr)));
      else resolve(stdout);
    });
  });
}
