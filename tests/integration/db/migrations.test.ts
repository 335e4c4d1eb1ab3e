import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
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

describe("migrations", () => {
  it("build exactly the database that prisma/schema.prisma describes", async () => {
    const fromMigrations = await freshDatabase();
    migrateDatabase(fromMigrations);

    const fromSchema = await freshDatabase();
    const diff = prisma(["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"], { DATABASE_URL: fromSchema });
    expect(diff.status, diff.stderr).toBe(0);
    const client = new pg.Client({ connectionString: fromSchema });
    await client.connect();
    await client.query(diff.stdout);
    await client.end();

    const [a, b] = await Promise.all([describeSchema(fromMigrations), describeSchema(fromSchema)]);
    expect(a.columns?.length).toBeGreaterThan(10);
    expect(a).toEqual(b);
  });

  it("keep the snapshot the next migration is diffed from in step with the schema", () => {
    const schema = readFileSync("prisma/schema.prisma", "utf8");
    const snapshot = readFileSync("prisma/migrations/schema.snapshot.prisma", "utf8");
    expect(snapshot, "run `npm run db:migration -- <name>` after changing prisma/schema.prisma").toBe(schema);
  });
});
