import { z } from "zod";
import { DomainError } from "../errors";
import { Id } from "../workspaces/schema";

import { MAX_IMAGE_BYTES } from "./limits";

export { IMAGE_TYPES, MAX_IMAGE_BYTES, type ImageMime } from "./limits";

/** 413: an image larger than MAX_IMAGE_BYTES. Nothing is stored. */
export class ImageTooLarge extends DomainError {
  constructor() {
    super(`Images can be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB. Make it smaller and try again.`, "too_large");
  }
}

/** 415: bytes that are not a PNG, JPEG, GIF, WebP or SVG image. Nothing is stored. */
export class UnsupportedImage extends DomainError {
  constructor(what = "This file") {
    super(`${what} is not a PNG, JPEG, GIF, WebP or SVG image.`, "unsupported_media_type");
  }
}

export const UploadImageInput = z.object({
  /** the document the image is added to; it is stored in that document's workspace */
  documentId: Id,
  /** the name the file had, kept for readable export names; never trusted for its type */
  fileName: z.string().max(255).nullish(),
});
export type UploadImageInput = z.infer<typeof UploadImageInput>;

export const ImageRef = z.object({ imageId: Id });
export type ImageRef = z.infer<typeof ImageRef>;
