import pg from "pg";
import { withDatabase } from "./url";

const NAME = /^[a-z0-9_]+$/;

/**
 * Creates database `name` on the server at `serverUrl` unless it exists, as a copy of
 * database `template` when given (which nobody may be connected to); returns its URL.
 */
export async function ensureDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  for (const n of [name, template ?? name]) if (!NAME.test(n)) throw new Error(`invalid database name: ${n}`);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, name);
}

/** Drops database `name` (used by test runs for their throwaway databases). */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The names of the server's databases that start with `prefix` (letters, digits, `_`). */
export async function databasesStartingWith(serverUrl: string, prefix: string): Promise<string[]> {
  if (!NAME.test(prefix)) throw new Error(`invalid database name: ${prefix}`);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
    return rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}
