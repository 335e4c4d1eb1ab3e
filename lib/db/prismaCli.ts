import { spawnSync } from "node:child_process";
import path from "node:path";
import { allMigrationsApplied } from "./appliedMigrations";

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the Prisma CLI from the project root (the working directory of every npm script).
 * DATABASE_URL defaults to a placeholder for commands that read only the schema.
 */
export function prisma(args: string[], env: Record<string, string | undefined> = {}): CliResult {
  const root = process.cwd();
  const preload = path.join(root, "lib/db/prisma-exit-promptly.cjs");
  const cli = path.join(root, "node_modules/prisma/build/index.js");
  const result = spawnSync(process.execPath, ["--require", preload, cli, ...args], {
    cwd: root,
    encoding: "utf8",
    env: {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://localhost:5432/specwright",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
      ...env,
    },
  });
  return { status: result.status ?? 1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

/**
 * Applies every pending migration in prisma/migrations to the database at `url`. Throws with
 * Prisma's output on failure. When every migration is already applied, Prisma is not started
 * (its CLI takes over a second to find that out, on every start of every process).
 */
export async function migrateDatabase(url: string): Promise<void> {
  if (await allMigrationsApplied(url, path.join(process.cwd(), "prisma", "migrations"))) return;
  const result = prisma(["migrate", "deploy"], { DATABASE_URL: url });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
}

/** Regenerates the Prisma client into lib/db/generated. */
export function generateClient(): void {
  const result = prisma(["generate"]);
  if (result.status !== 0) throw new Error(`prisma generate failed:\n${result.stdout}\n${result.stderr}`);
}
