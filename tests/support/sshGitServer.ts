import { execFileSync, spawn } from "node:child_process";
import { createHash, timingSafeEqual } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import ssh2, { type Connection, type ParsedKey, type ServerChannel } from "ssh2";

// a CommonJS module whose names Node's ESM loader cannot see: taken from its default export
const { Server, utils } = ssh2;

/** An ed25519 key pair made by ssh-keygen, as a person makes one: the OpenSSH private key and its `ssh-ed25519 AAAA… comment` line. */
export function makeSshKeyPair(comment = "specwright-test"): { privateKey: string; publicKey: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "specwright-sshkey-"));
  try {
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", path.join(dir, "key")]);
    return { privateKey: readFileSync(path.join(dir, "key"), "utf8"), publicKey: readFileSync(path.join(dir, "key.pub"), "utf8").trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `SHA256:…` of a public key line, as `ssh-keygen -l` and ssh's own messages print it. */
function fingerprintOf(publicKeyLine: string): string {
  const blob = Buffer.from(publicKeyLine.split(" ")[1]!, "base64");
  return `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}`;
}

const GIT_COMMAND = /^(git-upload-pack|git-receive-pack) '([^']+)'$/;

/** The bare repository an exec request names, inside `root`; null for any other command or a path leaving it. */
function repositoryOf(root: string, command: string): { service: "upload-pack" | "receive-pack"; dir: string } | null {
  const match = GIT_COMMAND.exec(command);
  if (!match) return null;
  const dir = path.resolve(root, match[2]!.replace(/^\/+/, ""));
  if (!dir.startsWith(root + path.sep)) return null;
  try {
    if (!statSync(dir).isDirectory()) return null;
  } catch {
    return null;
  }
  return { service: match[1] === "git-upload-pack" ? "upload-pack" : "receive-pack", dir };
}

/** Runs `git <service> <dir>` for one exec request, its stdio on the channel, and sends its exit status. */
function serve(channel: ServerChannel, service: string, dir: string, env: Record<string, string>): void {
  const child = spawn("git", [service, dir], { env: { ...process.env, HOME: os.tmpdir(), GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", LANG: "C", ...env } });
  channel.pipe(child.stdin);
  child.stdout.pipe(channel, { end: false });
  child.stderr.pipe(channel.stderr, { end: false });
  // the client may hang up first: a broken pipe is not the test's failure
  child.stdin.on("error", () => {});
  channel.on("error", () => {});
  child.on("close", (code) => {
    channel.exit(code ?? 1);
    channel.end();
  });
}

/** Wires one client: public key authentication with `authorized` only, then git exec requests under `root`. */
function onClient(client: Connection, root: string, authorized: ParsedKey): void {
  const wanted = authorized.getPublicSSH();
  client.on("authentication", (ctx) => {
    if (ctx.method !== "publickey" || ctx.key.algo !== authorized.type || ctx.key.data.length !== wanted.length || !timingSafeEqual(ctx.key.data, wanted)) return ctx.reject(["publickey"]);
    // without a signature the client only asks whether the key would do; with one, it must verify
    if (ctx.signature && authorized.verify(ctx.blob!, ctx.signature, ctx.hashAlgo) !== true) return ctx.reject(["publickey"]);
    ctx.accept();
  });
  client.on("ready", () => {
    client.on("session", (acceptSession) => {
      const session = acceptSession();
      const env: Record<string, string> = {};
      // git asks for protocol v2 through SendEnv=GIT_PROTOCOL
      session.on("env", (accept, _reject, info) => {
        if (info.key === "GIT_PROTOCOL") env.GIT_PROTOCOL = info.val;
        accept?.();
      });
      session.on("exec", (accept, reject, info) => {
        const repo = repositoryOf(root, info.command);
        if (!repo) return reject();
        serve(accept(), repo.service, repo.dir, env);
      });
    });
  });
  // a client dropping the connection mid-handshake (a refused host key) is expected
  client.on("error", () => {});
}

export interface SshGitServer {
  port: number;
  /** `ssh://git@127.0.0.1:<port>/<repo>` for a repository under the root */
  url(repo: string): string;
  /** the host's public key line (`ssh-ed25519 AAAA…`) and its SHA256 fingerprint */
  hostKey: string;
  hostKeyFingerprint: string;
  stop(): Promise<void>;
}

/**
 * A real SSH server on 127.0.0.1 serving the bare repositories under `root` to git, for one
 * test: a host key of its own (made here, so a restart has a different one), only public key
 * authentication with `authorizedKey` (an `ssh-ed25519 AAAA…` line), and only git's
 * upload-pack and receive-pack on a folder inside `root`. `port` reuses a stopped server's port.
 */
export async function startSshGitServer(options: { root: string; authorizedKey: string; port?: number }): Promise<SshGitServer> {
  const root = path.resolve(options.root);
  const parsed = utils.parseKey(options.authorizedKey);
  if (parsed instanceof Error) throw parsed;
  const authorized = Array.isArray(parsed) ? parsed[0] : parsed;
  const hostKeys = makeSshKeyPair("test-host");
  const clients = new Set<Connection>();
  const server = new Server({ hostKeys: [hostKeys.privateKey] }, (client) => {
    clients.add(client);
    client.on("close", () => clients.delete(client));
    onClient(client, root, authorized);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (repo) => `ssh://git@127.0.0.1:${port}/${repo}`,
    hostKey: hostKeys.publicKey.split(" ").slice(0, 2).join(" "),
    hostKeyFingerprint: fingerprintOf(hostKeys.publicKey),
    async stop() {
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
