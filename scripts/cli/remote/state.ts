import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { InputError } from "../errors";

/** A pulled file: the document it came from, and where the Markdown it was pulled as is kept (the merge's base). */
export interface TrackedFile {
  id: string;
  title: string;
  /** when it was last pulled or pushed */
  syncedAt: string;
}

/**
 * `<dir>/.specwright/state.json`: which server and workspace a pulled folder belongs to and
 * which document each file came from; `.specwright/base/<id>.md` keeps the Markdown each
 * was last pulled (or pushed) as, byte for byte. Commit the folder with the files: `status`
 * and `push` in CI read it.
 */
export interface PullState {
  format: 1;
  server: string;
  workspace: string;
  /** by file name, relative to the folder */
  files: Record<string, TrackedFile>;
}

export const STATE_DIR = ".specwright";

const stateFile = (dir: string) => path.join(dir, STATE_DIR, "state.json");
const baseFile = (dir: string, id: string) => path.join(dir, STATE_DIR, "base", `${id}.md`);

/** The folder's state, or null when it was never pulled into. */
export function readState(dir: string): PullState | null {
  let text: string;
  try {
    text = readFileSync(stateFile(dir), "utf8");
  } catch {
    return null;
  }
  try {
    const state = JSON.parse(text) as PullState;
    if (state.format !== 1 || typeof state.files !== "object") throw new Error("unknown format");
    return state;
  } catch (error) {
    throw new InputError(`${stateFile(dir)} cannot be read (${error instanceof Error ? error.message : String(error)}); pull again into an empty folder.`);
  }
}

/** The folder's state, or InputError saying to pull first. */
export function requireState(dir: string): PullState {
  const state = readState(dir);
  if (!state) throw new InputError(`${dir} holds no pulled documents (no ${path.join(STATE_DIR, "state.json")}); run specwright pull ${dir} --workspace <slug> first`);
  return state;
}

/** Writes the state (through a temporary file, so a crash never leaves half of it). */
export function writeState(dir: string, state: PullState): void {
  mkdirSync(path.join(dir, STATE_DIR), { recursive: true });
  const sorted = { ...state, files: Object.fromEntries(Object.entries(state.files).sort(([a], [b]) => a.localeCompare(b))) };
  writeFileSync(`${stateFile(dir)}.tmp`, `${JSON.stringify(sorted, null, 2)}\n`);
  renameSync(`${stateFile(dir)}.tmp`, stateFile(dir));
}

/** The Markdown a document was last pulled or pushed as; null when it is missing. */
export function readBase(dir: string, id: string): string | null {
  try {
    return readFileSync(baseFile(dir, id), "utf8");
  } catch {
    return null;
  }
}

export function writeBase(dir: string, id: string, markdown: string): void {
  mkdirSync(path.dirname(baseFile(dir, id)), { recursive: true });
  writeFileSync(baseFile(dir, id), markdown);
}

/** A file of the folder as text, or null when it is not there. */
export function readLocal(dir: string, file: string): string | null {
  try {
    return readFileSync(path.join(dir, file), "utf8");
  } catch {
    return null;
  }
}

/** The file name a document is tracked under in the folder, if any. */
export function fileOf(state: PullState, id: string): string | undefined {
  return Object.entries(state.files).find(([, f]) => f.id === id)?.[0];
}
