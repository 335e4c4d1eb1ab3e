import { unzipSync } from "fflate";
import { DomainError } from "../errors";
import type { BundleFile } from "./importBundle";

/** The largest zip we import, and what it may unpack to. */
export const MAX_ZIP_BYTES = 32 * 1024 * 1024;
const MAX_UNPACKED_BYTES = 128 * 1024 * 1024;
const MAX_FILES = 2000;

/** 413: a zip (or what it unpacks to) past the limits. */
export class BundleTooLarge extends DomainError {
  constructor() {
    super(`Zips up to ${MAX_ZIP_BYTES / 1024 / 1024} MB (${MAX_UNPACKED_BYTES / 1024 / 1024} MB unpacked, ${MAX_FILES} files) can be imported.`, "too_large");
  }
}

/**
 * The files of a zip archive, by path, folders and hidden files (`__MACOSX/`, `.DS_Store`)
 * left out. Refuses an archive that unpacks past 128 MB or 2000 files before inflating it
 * (BundleTooLarge), and one that is not a zip (DomainError).
 */
export function unzipBundle(zip: Uint8Array): BundleFile[] {
  if (zip.byteLength > MAX_ZIP_BYTES) throw new BundleTooLarge();
  let total = 0;
  let count = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip, {
      filter: (file) => {
        const hidden = file.name.endsWith("/") || file.name.split("/").some((part) => part.startsWith(".") || part === "__MACOSX");
        if (hidden) return false;
        total += file.originalSize;
        count += 1;
        if (total > MAX_UNPACKED_BYTES || count > MAX_FILES) throw new BundleTooLarge();
        return true;
      },
    });
  } catch (error) {
    if (error instanceof BundleTooLarge) throw error;
    throw new DomainError("The file is not a zip archive that can be read.", "invalid_input");
  }
  return Object.entries(entries).map(([path, bytes]) => ({ path, bytes }));
}
