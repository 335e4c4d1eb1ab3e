// Entry of the parse pool's worker threads (see parsePool.ts). Plain JavaScript, so the
// thread starts from the source tree wherever the app runs (tsx, a Next.js build, Vitest);
// tsx compiles the TypeScript task module on first load.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const tasksFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "parseTasks.ts");
const { runParseTask } = await tsImport(tasksFile, import.meta.url);

/** One task: `{ task, args }` → `{ ok, value | failure }` (see runParseTask). */
export default function run(request) {
  return runParseTask(request);
}
