import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Built code (the app's server chunks, Next.js's runtime) is loaded without its source maps,
 * which would cost every process ~100 MB (scripts/start.ts). A logged error's stack is mapped
 * here instead, when it is logged: each frame in a built file with a map beside it names the
 * source file, line and column it came from. Errors are rare; a few maps are kept.
 */
const KEPT = 4;
const maps = new Map<string, SourceMap | null>();

function mapFor(file: string): SourceMap | null {
  if (maps.has(file)) {
    const known = maps.get(file)!;
    // most recently used last: the oldest makes room first
    maps.delete(file);
    maps.set(file, known);
    return known;
  }
  let map: SourceMap | null = null;
  try {
    const mapFile = `${file}.map`;
    if (existsSync(mapFile)) map = new SourceMap(JSON.parse(readFileSync(mapFile, "utf8")) as ConstructorParameters<typeof SourceMap>[0]);
  } catch {
    map = null;
  }
  if (maps.size >= KEPT) maps.delete(maps.keys().next().value!);
  maps.set(file, map);
  return map;
}

// "    at fn (/path/chunk.js:1:2345)" or "    at /path/chunk.js:1:2345"
const FRAME = /^(\s+at (?:.*? \()?)((?:file:\/\/)?\/[^():]+\.[cm]?js):(\d+):(\d+)(\)?)$/;

/** `stack` with its frames in built files mapped to their sources; frames without a map, and anything unexpected, as they were. */
export function mapBuiltFrames(stack: string): string {
  return stack
    .split("\n")
    .map((line) => {
      const frame = FRAME.exec(line);
      if (!frame) return line;
      const [, head, location, row, column, tail] = frame;
      try {
        const file = location!.startsWith("file://") ? fileURLToPath(location!) : location!;
        const entry = mapFor(file)?.findEntry(Number(row) - 1, Number(column) - 1);
        if (!entry || !("originalSource" in entry) || !entry.originalSource) return line;
        // a map names its sources relative to the built file
        const source = /^[a-z][\w+.-]*:|^\//i.test(entry.originalSource) ? entry.originalSource : path.resolve(path.dirname(file), entry.originalSource);
        return `${head}${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}${tail}`;
      } catch {
        return line;
      }
    })
    .join("\n");
}
