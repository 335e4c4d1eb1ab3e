import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { allMigrationsApplied } from "@/lib/db/appliedMigrations";
import { dropDatabase, ensureDatabase } from "@/lib/db/ensureDatabase";
import { migrateDatabase, prisma } from "@/lib/db/prismaCli";

const created: string[] = [];
afterAll(async () => {
  for (const name of created) await dropDatabase(inject("serverUrl"), name);
});

async function freshDatabase(): Promise<string> {
  const name = `specwright_drift_${randomBytes(4).toString("hex")}`;
  created.push(name);
  return ensureDatabase(inject("serverUrl"), name);
}

/** Tables, columns, constraints, indexes and enums of the public schema, as comparable text. */
async function describeSchema(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows = async (sql: string) => (await client.query(sql)).rows.map((r) => Object.values(r).join(" | ")).sort();
  try {
    return {
      columns: await rows(`SELECT table_name, column_name, data_type, udt_name, is_nullable, coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      constraints: await rows(`SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`),
      indexes: await rows(`SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`),
      enums: await rows(`SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`),
    };
  } finally {
    await client.end();
  }
}

/** Migrations that add what prisma/schema.prisma cannot describe (expression indexes), marked so on their first line. */
function beyondSchema(): string[] {
  const dir = "prisma/migrations";
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => readFileSync(path.join(dir, entry.name, "migration.sql"), "utf8"))
    .filter((sql) => sql.startsWith("-- Beyond prisma/schema.prisma"));
}

describe("migrations", () => {
  it("build exactly the database that prisma/schema.prisma describes", async () => {
    const fromMigrations = await freshDatabase();
    await migrateDatabase(fromMigrations);

    const fromSchema = await freshDatabase();
    const diff = prisma(["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"], { DATABASE_URL: fromSchema });
    expect(diff.status, diff.stderr).toBe(0);
    const client = new pg.Client({ connectionString: fromSchema });
    await client.connect();
    await client.query(diff.stdout);
    // and what the schema cannot describe, from the migrations that say so
    for (const sql of beyondSchema()) await client.query(sql);
    await client.end();

    const [a, b] = await Promise.all([describeSchema(fromMigrations), describeSchema(fromSchema)]);
    expect(a.columns?.length).toBeGreaterThan(10);
    expect(a).toEqual(b);
    // two runs of the Prisma CLI (its schema engine is JavaScript): 5 s quiet, 21-26 s at load 9-10
  }, 90_000);

  it("keep the snapshot the next migration is diffed from in step with the schema", () => {
    const schema = readFileSync("prisma/schema.prisma", "utf8");
    const snapshot = readFileSync("prisma/migrations/schema.snapshot.prisma", "utf8");
    expect(snapshot, "run `npm run db:migration -- <name>` after changing prisma/schema.prisma").toBe(schema);
  });

  it("are known to be all applied only when every one is, unchanged and finished", async () => {
    const url = await freshDatabase();
    const dir = mkdtempSync(path.join(os.tmpdir(), "specwright-migrations-"));
    try {
      cpSync("prisma/migrations", dir, { recursive: true });
      // nothing applied yet: no migrations table
      expect(await allMigrationsApplied(url, dir)).toBe(false);
      await migrateDatabase(url);
      expect(await allMigrationsApplied(url, dir)).toBe(true);

      // a new migration in the folder
      const next = path.join(dir, "29990101000000_next");
      cpSync(path.join(dir, "20261124134314_init"), next, { recursive: true });
      writeFileSync(path.join(next, "migration.sql"), 'CREATE TABLE "Next" (id int);\n');
      expect(await allMigrationsApplied(url, dir)).toBe(false);
      rmSync(next, { recursive: true });

      // an applied migration edited afterwards
      const init = path.join(dir, "20261124134314_init", "migration.sql");
      const original = readFileSync(init, "utf8");
      writeFileSync(init, `${original}\n-- edited\n`);
      expect(await allMigrationsApplied(url, dir)).toBe(false);
      writeFileSync(init, original);
      expect(await allMigrationsApplied(url, dir)).toBe(true);

      // one that failed half-way
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('failed', 'x', '29990101000001_failed', now(), 0)`);
      await client.end();
      expect(await allMigrationsApplied(url, dir)).toBe(false);

      // a database that cannot be reached
      expect(await allMigrationsApplied(url.replace(/\/[^/?]+(\?|$)/, "/no_such_database$1"), dir)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
