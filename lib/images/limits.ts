/** The largest image we store: 5 MB, checked on the bytes as they arrive. (No imports: the browser shares it.) */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** The image types we accept, by what their bytes are (never by name or header), with their file extension. */
export const IMAGE_TYPES = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "image/svg+xml": "svg",
} as const;
export type ImageMime = keyof typeof IMAGE_TYPES;
