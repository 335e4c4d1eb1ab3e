import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** The migrations in `dir` (prisma/migrations), each with the checksum Prisma records for it. */
export function localMigrations(dir: string): { name: string; checksum: string }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map(({ name }) => ({ name, checksum: createHash("sha256").update(readFileSync(path.join(dir, name, "migration.sql"))).digest("hex") }));
}

/**
 * Whether the database at `url` has every migration in `dir` applied, unchanged, and none
 * failed or left half-done: then `prisma migrate deploy` has nothing to do. Any doubt (no
 * migrations table, a missing or edited migration, a failed one, no connection) answers
 * false, and the caller runs Prisma, which applies, reports or refuses as it always does.
 */
export async function allMigrationsApplied(url: string, dir: string): Promise<boolean> {
  const local = localMigrations(dir);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    if (rows.some((row) => row.finished_at === null && row.rolled_back_at === null)) return false;
    const applied = new Map(rows.filter((row) => row.finished_at !== null && row.rolled_back_at === null).map((row) => [row.migration_name, row.checksum]));
    return local.every(({ name, checksum }) => applied.get(name) === checksum);
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
