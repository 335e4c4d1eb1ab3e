import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { dropDatabase, ensureDatabase } from "@/lib/db/ensureDatabase";
import { numberPrefixFor } from "@/lib/documents/numbering";

const NUMBERING = "20261205045916_decision_numbers_and_lifecycle";
const created: string[] = [];
afterAll(async () => {
  for (const name of created) await dropDatabase(inject("serverUrl"), name);
});

/** The migrations' SQL in order, split where the numbering migration begins. */
function migrations(): { before: string[]; numbering: string } {
  const dir = "prisma/migrations";
  const names = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const sql = (name: string) => readFileSync(path.join(dir, name, "migration.sql"), "utf8");
  return { before: names.filter((n) => n < NUMBERING).map(sql), numbering: sql(NUMBERING) };
}

describe("the migration that numbers documents", () => {
  it("numbers the documents there were, per workspace and prefix, oldest first, as new documents will be", async () => {
    const name = `specwright_numbering_${randomBytes(4).toString("hex")}`;
    created.push(name);
    const client = new pg.Client({ connectionString: await ensureDatabase(inject("serverUrl"), name) });
    await client.connect();
    try {
      const { before, numbering } = migrations();
      for (const sql of before) await client.query(sql);
      await client.query(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('u1', 'u1@example.test', 'U', now())`);
      await client.query(`INSERT INTO "Workspace" (id, slug, name, "updatedAt") VALUES ('w1', 'one', 'One', now()), ('w2', 'two', 'Two', now())`);
      const templates = [["t1", "Technical Design"], ["t2", "Architecture Decision Record"], ["t3", "2024 plan"]];
      for (const [id, title] of templates) {
        await client.query(`INSERT INTO "Template" (id, key, name, definition, "updatedAt") VALUES ($1, $1, $2, '{}', now())`, [id, title]);
      }
      const docs = [
        ["d1", "w1", "t1", "2026-01-03"],
        ["d2", "w1", "t1", "2026-01-01"],
        ["d3", "w1", "t2", "2026-01-02"],
        ["d4", "w2", "t1", "2026-01-05"],
        ["d5", "w1", "t3", "2026-01-06"],
      ];
      for (const [id, ws, template, at] of docs) {
        await client.query(`INSERT INTO "Document" (id, "workspaceId", "templateId", "templateVersion", title, "ownerId", "createdAt", "updatedAt") VALUES ($1, $2, $3, 1, $1, 'u1', $4, $4)`, [id, ws, template, at]);
      }

      await client.query(numbering);

      const rows = (await client.query<{ id: string; numberPrefix: string; number: number }>(`SELECT id, "numberPrefix", number FROM "Document" ORDER BY id`)).rows;
      expect(rows.map((r) => `${r.id} ${r.numberPrefix}-${r.number}`)).toEqual(["d1 TD-2", "d2 TD-1", "d3 ADR-1", "d4 TD-1", "d5 DOC-1"]);
      // the prefixes are those the app gives new documents of these templates
      expect(templates.map(([, title]) => numberPrefixFor({ name: title! }))).toEqual(["TD", "ADR", "DOC"]);
      const counters = (await client.query(`SELECT "workspaceId", prefix, last FROM "DocumentCounter" ORDER BY 1, 2`)).rows;
      expect(counters).toEqual([
        { workspaceId: "w1", prefix: "ADR", last: 1 },
        { workspaceId: "w1", prefix: "DOC", last: 1 },
        { workspaceId: "w1", prefix: "TD", last: 2 },
        { workspaceId: "w2", prefix: "TD", last: 1 },
      ]);
    } finally {
      await client.end();
    }
  });
});
