// npm run db:migration -- <name>
// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
// schema the last migration produced (migrations/schema.snapshot.prisma) and
// prisma/schema.prisma. Works offline: no shadow database, no downloaded engine.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { prisma } from "../lib/db/prismaCli";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/i.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (letters, digits and _ only)");
  process.exit(2);
}
const dir = "prisma/migrations";
const snapshot = path.join(dir, "schema.snapshot.prisma");
const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
// The JS schema engine connects even to diff two files, so it gets a throwaway server.
const scratch = mkdtempSync(path.join(os.tmpdir(), "specwright-migration-"));
const server = await startEmbeddedPostgres({ dataDir: path.join(scratch, "pg") });
const diff = prisma(["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"], {
  DATABASE_URL: server.url,
});
await server.stop();
rmSync(scratch, { recursive: true, force: true });
if (diff.status !== 0) {
  console.error(diff.stderr || diff.stdout);
  process.exit(1);
}
if (!/^\s*[A-Z]/m.test(diff.stdout.replace(/^--.*$/gm, ""))) {
  console.log("prisma/schema.prisma has no changes since the last migration.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const target = path.join(dir, `${stamp}_${name}`);
mkdirSync(target, { recursive: true });
writeFileSync(path.join(target, "migration.sql"), diff.stdout);
if (!existsSync(path.join(dir, "migration_lock.toml"))) {
  writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
}
copyFileSync("prisma/schema.prisma", snapshot);
console.log(`created ${target}/migration.sql`);
