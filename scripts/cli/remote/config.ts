import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { InputError, UsageError } from "../errors";

/** A server and the API token to call it with. */
export interface Remote {
  url: string;
  token: string;
}

/** `$XDG_CONFIG_HOME/specwright/config.json` (`~/.config/…` when XDG_CONFIG_HOME is not set). */
export function configPath(): string {
  const base = process.env.XDG_CONFIG_HOME?.trim() || path.join(os.homedir(), ".config");
  return path.join(base, "specwright", "config.json");
}

/** "http://host:3000/" → "http://host:3000"; UsageError for anything that is not an http(s) address. */
export function serverUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`${raw} is not a server address; give one like https://specwright.example.com or http://localhost:3000`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`${raw}: the server address must start with http:// or https://`);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** What `specwright login` stored, or null when nobody logged in. */
export function readConfig(): Remote | null {
  let text: string;
  try {
    text = readFileSync(configPath(), "utf8");
  } catch {
    return null;
  }
  try {
    const value = JSON.parse(text) as Partial<Remote>;
    return typeof value.url === "string" && typeof value.token === "string" ? { url: value.url, token: value.token } : null;
  } catch {
    throw new InputError(`${configPath()} is not valid JSON; run specwright login again.`);
  }
}

/** Stores the server and token, readable by the user alone (0600, in a 0700 folder). */
export function writeConfig(remote: Remote): string {
  const file = configPath();
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(remote, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

/** Forgets the stored server and token; whether there was one. */
export function removeConfig(): boolean {
  const had = readConfig() !== null;
  rmSync(configPath(), { force: true });
  return had;
}

/**
 * The server to talk to: SPECWRIGHT_URL and SPECWRIGHT_TOKEN (CI) override what `login`
 * stored; the stored token is used only for the stored server. Null when there is neither.
 */
export function configuredRemote(): Remote | null {
  const stored = readConfig();
  const envUrl = process.env.SPECWRIGHT_URL?.trim();
  const url = envUrl ? serverUrl(envUrl) : stored?.url;
  if (!url) return null;
  const token = process.env.SPECWRIGHT_TOKEN?.trim() || (stored?.url === url ? stored.token : undefined);
  if (!token) throw new InputError(`no API token for ${url}: set SPECWRIGHT_TOKEN or run specwright login ${url}`);
  return { url, token };
}

/** `configuredRemote`, or an InputError telling how to log in (and `otherwise`, another way to do the work). */
export function requireRemote(otherwise?: string): Remote {
  const remote = configuredRemote();
  if (!remote) throw new InputError(`not logged in to a server: run specwright login <url> (or set SPECWRIGHT_URL and SPECWRIGHT_TOKEN)${otherwise ? `; ${otherwise}` : ""}`);
  return remote;
}

/** What import and export add when nobody logged in. */
export const DATABASE_HINT = "admins can import and export against the database with --database and DATABASE_URL";
