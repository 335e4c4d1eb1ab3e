// A bench's own PostgreSQL: embedded, in a temp dir, migrated; stopped and removed when the
// bench ends (onCleanup).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "../../lib/db";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { ensureDatabase } from "../../lib/db/ensureDatabase";
import { migrateDatabase } from "../../lib/db/prismaCli";
import { onCleanup } from "./harness";

export interface BenchDatabase {
  url: string;
  db: ReturnType<typeof createDb>;
  /** a temp dir of the bench's own, removed at the end */
  dir: string;
}

/** Starts an embedded PostgreSQL with a migrated database `name`. */
export async function benchDatabase(name: string): Promise<BenchDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `specwright-bench-${name}-`));
  onCleanup("remove temp dir", () => rmSync(dir, { recursive: true, force: true }));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg") });
  onCleanup("stop PostgreSQL", () => postgres.stop());
  const url = await ensureDatabase(postgres.url, name.replace(/\W/g, "_"));
  await migrateDatabase(url);
  const db = createDb(url);
  onCleanup("disconnect", () => db.$disconnect());
  return { url, db, dir };
}
