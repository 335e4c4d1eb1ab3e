import type { PMDoc, PMNode } from "../editor/schema";
import { IMAGE_TYPES, type ImageMime } from "./inputs";

/** Where an uploaded image is served; documents hold this as the image's `src`. */
export const IMAGE_SRC_PREFIX = "/api/images/";
const IMAGE_SRC = /^\/api\/images\/([A-Za-z0-9_-]{1,64})$/;

/** The image id an uploaded image's src names, or null for any other address. */
export function imageIdOf(src: unknown): string | null {
  return typeof src === "string" ? (IMAGE_SRC.exec(src)?.[1] ?? null) : null;
}

/** The src of an uploaded image. */
export function imageSrc(id: string): string {
  return `${IMAGE_SRC_PREFIX}${id}`;
}

/** The folder exported images go into, beside the Markdown files. */
export const EXPORT_IMAGE_DIR = "images";

/** An uploaded image's file in an export, relative to the Markdown file: `images/<id>.<ext>`. */
export function exportImagePath(id: string, mime: string): string {
  const ext = IMAGE_TYPES[mime as ImageMime] ?? "bin";
  return `${EXPORT_IMAGE_DIR}/${id}.${ext}`;
}

/** A copy of the node tree with every image's src replaced by `rewrite(src)` (unchanged when it answers null). */
export function mapImageSrcs<T extends PMNode>(node: T, rewrite: (src: string) => string | null): T {
  const src = node.type === "image" ? node.attrs?.src : undefined;
  const next = typeof src === "string" ? rewrite(src) : null;
  const attrs = next !== null ? { ...node.attrs, src: next } : node.attrs;
  const content = node.content?.map((child) => mapImageSrcs(child, rewrite));
  return { ...node, ...(attrs ? { attrs } : {}), ...(content ? { content } : {}) };
}

/** The ids of every uploaded image a body shows, in order of first appearance. */
export function imageIdsIn(doc: PMNode | PMDoc): string[] {
  const ids: string[] = [];
  const visit = (node: PMNode) => {
    const id = node.type === "image" ? imageIdOf(node.attrs?.src) : null;
    if (id && !ids.includes(id)) ids.push(id);
    for (const child of node.content ?? []) visit(child);
  };
  visit(doc);
  return ids;
}
