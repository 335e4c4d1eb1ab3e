import { InvalidInput } from "../errors";
import { importMarkdown } from "../markdown/importMarkdown";
import { detectMojibake } from "../markdown/mojibake";
import { planImport } from "./planImport";
import { readImport } from "./readImport";
import { templateFromMarkdown } from "./templateFromMarkdown";
import { NestedTooDeeply } from "../markdown/parse";

/**
 * The pure parse, convert and plan steps that may run off the request thread. Arguments and
 * results are plain data (structured-clone safe), so a worker can run them.
 */
export const PARSE_TASKS = {
  readImport,
  importMarkdown,
  detectMojibake,
  templateFromMarkdown,
  planImport,
};

export type ParseTasks = typeof PARSE_TASKS;
export type ParseTaskName = keyof ParseTasks;

/** A task's failure as data: class instances do not survive the trip back from a worker. */
export type TaskFailure =
  | { kind: "invalid"; message: string; fields: Record<string, string[]> }
  | { kind: "tooDeep" };

export type TaskOutcome<T> = { ok: true; value: T } | { ok: false; failure: TaskFailure };

export interface TaskRequest<N extends ParseTaskName = ParseTaskName> {
  task: N;
  args: Parameters<ParseTasks[N]>;
}

/** "Maximum call stack size exceeded": input nested deeper than the converters recurse. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof NestedTooDeeply || (error instanceof RangeError && /call stack/i.test(error.message));
}

/**
 * Runs one task, in a worker or (as a fallback) on the calling thread. InvalidInput and
 * input nested too deeply come back as a failure; anything else is a bug and is thrown.
 */
export function runParseTask<N extends ParseTaskName>(request: TaskRequest<N>): TaskOutcome<ReturnType<ParseTasks[N]>> {
  // the table is keyed by name, so the task and its arguments always belong together
  const run = PARSE_TASKS[request.task] as unknown as (...args: Parameters<ParseTasks[N]>) => ReturnType<ParseTasks[N]>;
  try {
    return { ok: true, value: run(...request.args) };
  } catch (error) {
    if (error instanceof InvalidInput) return { ok: false, failure: { kind: "invalid", message: error.message, fields: error.fields } };
    if (isStackOverflow(error)) return { ok: false, failure: { kind: "tooDeep" } };
    throw error;
  }
}
