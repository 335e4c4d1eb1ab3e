import { importMarkdown, type ImportedMarkdown } from "../markdown/importMarkdown";
import { detectMojibake, repairMojibake, type MojibakeEncoding } from "../markdown/mojibake";

export interface MojibakeNotice {
  encoding: MojibakeEncoding;
  /** a garbled passage as the file has it */
  sample: string;
  /** the same passage repaired */
  repairedSample: string;
}

export interface ReadImport {
  imported: ImportedMarkdown;
  /** what the file looks like mis-decoded as, whether or not it was repaired */
  mojibake: MojibakeNotice | null;
  repaired: boolean;
}

/**
 * The pure half of reading an import: mojibake detection, its repair only when `repair` is
 * set, then `importMarkdown`. Runs in the parse pool's workers (see `parsePool.ts`). Throws
 * InvalidInput as `importMarkdown` does.
 */
export function readImport(markdown: string, repair: boolean): ReadImport {
  const found = detectMojibake(markdown);
  const mojibake = found && { ...found, repairedSample: repairMojibake(found.sample) };
  const repaired = Boolean(found && repair);
  const imported = importMarkdown(repaired ? repairMojibake(markdown) : markdown);
  return { imported, mojibake, repaired };
}
