import { createInterface } from "node:readline/promises";
import { parseArgs } from "../args";
import { InputError, UsageError } from "../errors";
import { Api } from "./client";
import { configPath, removeConfig, serverUrl, writeConfig } from "./config";

interface Me {
  user: { email: string; name: string };
  workspaces: { slug: string }[];
}

/** The token: --token, else SPECWRIGHT_TOKEN, else standard input (a prompt on a terminal). */
async function tokenFrom(option: string | undefined): Promise<string> {
  const given = option ?? process.env.SPECWRIGHT_TOKEN;
  if (given?.trim()) return given.trim();
  if (process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return (await rl.question("API token (swt_…, from Settings → API tokens): ")).trim();
    } finally {
      rl.close();
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").trim();
}

/**
 * `specwright login <url> [--token swt_…]`: checks the token against the server
 * (GET /api/me) and stores both in the user's config file (0600).
 */
export async function login(args: string[]): Promise<void> {
  const { options, positional } = parseArgs(args, ["--token"], []);
  if (positional.length !== 1) throw new UsageError(positional.length ? "login takes one server address" : "login needs the server's address, e.g. specwright login http://localhost:3000");
  const url = serverUrl(positional[0]!);
  const token = await tokenFrom(options["--token"]);
  if (!token) throw new InputError("no API token given: pass --token, set SPECWRIGHT_TOKEN or pipe it in (make one in Settings → API tokens)");
  if (!token.startsWith("swt_")) throw new InputError("that is not a Specwright API token (they start with swt_); make one in Settings → API tokens");
  const me = await new Api({ url, token }).json<Me>("GET", "/api/me");
  const file = writeConfig({ url, token });
  const workspaces = me.workspaces.map((w) => w.slug).join(", ") || "none yet";
  console.log(`logged in to ${url} as ${me.user.name} <${me.user.email}> (workspaces: ${workspaces}); token stored in ${file}`);
}

/** `specwright logout`: forgets the stored server and token (the token itself stays valid until revoked). */
export function logout(args: string[]): void {
  if (args.length) throw new UsageError("logout takes no arguments");
  console.log(removeConfig() ? `removed ${configPath()}; the token stays valid until you revoke it in Settings → API tokens` : "not logged in");
}
