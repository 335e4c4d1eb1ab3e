import { readFileSync, statSync } from "node:fs";
import { InputError } from "./errors";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** A file (or standard input for "-") as UTF-8 text; InputError when unreadable or not UTF-8. */
export function readInput(file: string): { text: string; modified: Date } {
  let bytes: Buffer;
  let modified = new Date(0);
  try {
    bytes = readFileSync(file === "-" ? 0 : file);
    if (file !== "-") modified = statSync(file).mtime;
  } catch (error) {
    const reason = error instanceof Error && "code" in error && error.code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
    throw new InputError(`cannot read ${file}: ${reason}`);
  }
  try {
    return { text: strictUtf8.decode(bytes), modified };
  } catch {
    throw new InputError(`${file} is not UTF-8 text; convert it to UTF-8 first (e.g. iconv -f windows-1252 -t utf-8).`);
  }
}
