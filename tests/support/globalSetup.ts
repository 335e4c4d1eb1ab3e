import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../lib/db/embedded";
import { databasesStartingWith, dropDatabase, ensureDatabase } from "../../lib/db/ensureDatabase";
import { migrateDatabase } from "../../lib/db/prismaCli";

declare module "vitest" {
  export interface ProvidedContext {
    /** the migrated database each test worker's own database is copied from */
    templateDatabase: string;
    serverUrl: string;
  }
}

/**
 * One real PostgreSQL for the integration run: TEST_DATABASE_URL's server when given,
 * otherwise an embedded one in a temp dir. Each run migrates a fresh database, which each
 * test worker copies as its own (tests/support/setupEnv.ts), so test files run two at a
 * time; all of them are dropped afterwards.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedServer | undefined;
  let scratch: string | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    scratch = mkdtempSync(path.join(os.tmpdir(), "specwright-test-"));
    embedded = await startEmbeddedPostgres({ dataDir: path.join(scratch, "pg") });
    serverUrl = embedded.url;
  }
  const name = `specwright_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const databaseUrl = await ensureDatabase(serverUrl, name);
  await migrateDatabase(databaseUrl);
  project.provide("templateDatabase", name);
  project.provide("serverUrl", serverUrl);
  return async () => {
    for (const db of await databasesStartingWith(serverUrl, name).catch(() => [name])) await dropDatabase(serverUrl, db).catch(() => undefined);
    await embedded?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  };
}
