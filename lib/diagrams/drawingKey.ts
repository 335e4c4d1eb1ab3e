import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { SCREEN_MERMAID_CONFIG } from "../mermaid/screenLook";

let mermaidVersion: string | undefined;

/** The installed Mermaid's version: another version may draw the same source differently. */
function installedMermaid(): string {
  if (mermaidVersion === undefined) {
    // resolved at run time from the app's root, as lib/export/pdf/mermaid.ts finds the bundle
    const fromRoot = createRequire(path.join(process.cwd(), "package.json"));
    mermaidVersion = String((JSON.parse(readFileSync(fromRoot.resolve("mermaid/package.json"), "utf8")) as { version?: unknown }).version);
  }
  return mermaidVersion;
}

/**
 * The cache key of a diagram's drawing: SHA-256 of its exact source, the Mermaid version and
 * the screen look. Any change to the source (one space), to Mermaid or to the look gives
 * another key, so a drawing is never shown for a source it was not drawn from.
 */
export function drawingKey(source: string): string {
  return createHash("sha256").update(JSON.stringify([installedMermaid(), SCREEN_MERMAID_CONFIG, source])).digest("hex");
}

/**
 * The hash of what draws a diagram beside its source: the installed Mermaid's version and the
 * screen look. Kept with each drawing, so drawings of an earlier version or look (which no
 * key can find any more) can be told apart and deleted (prune.ts).
 */
export function drawingLook(): string {
  return createHash("sha256").update(JSON.stringify([installedMermaid(), SCREEN_MERMAID_CONFIG])).digest("hex");
}
