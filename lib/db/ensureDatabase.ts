import pg from "pg";
import { withDatabase } from "./url";

const NAME = /^[a-z0-9_]+$/;

function checkName(name: string): void {
  if (!NAME.test(name)) throw new Error(`invalid database name: ${name}`);
}

/** Runs `work` on one connection to the server at `serverUrl`, closed afterwards. */
async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates database `name` on the server at `serverUrl` unless it exists, as a copy of
 * database `template` when given (which nobody may be connected to); returns its URL.
 */
export async function ensureDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  checkName(name);
  if (template) checkName(template);
  await onServer(serverUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return;
    try {
      await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
    } catch (error) {
      // made meanwhile by another process (duplicate_database, or the catalog's unique index when both created at once)
      const code = (error as { code?: string }).code;
      if (code !== "42P04" && code !== "23505") throw error;
    }
  });
  return withDatabase(serverUrl, name);
}

/** Drops database `name` (used by test runs for their throwaway databases). */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** The names of the server's databases that start with `prefix` (letters, digits, `_`). */
export async function databasesStartingWith(serverUrl: string, prefix: string): Promise<string[]> {
  checkName(prefix);
  return onServer(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
    return rows.map((r) => r.datname);
  });
}
