// No imports: the browser's import form checks the same limit before uploading.

/**
 * The largest Markdown file we import: 2 MB of UTF-8, sixty times the largest seed. Parsing
 * runs on a worker thread (`parsePool.ts`), so a file this size keeps other requests moving.
 */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** A size as people read it, rounded up (a file over the limit never reads as the limit): "740 KB", "2 MB", "2.1 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${Math.ceil((bytes * 10) / (1024 * 1024)) / 10} MB`;
}

/** The limit as people read it: "2 MB". */
export const MAX_IMPORT_SIZE = formatBytes(MAX_IMPORT_BYTES);
