import { existsSync } from "node:fs";
import path from "node:path";

/** The seed design documents: `../shared/seeds` beside the project, or where this machine keeps them. */
export function seedsDir(): string {
  const beside = path.resolve("../shared/seeds");
  return existsSync(beside) ? beside : "/work/shared/seeds";
}
