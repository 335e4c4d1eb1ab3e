import { createHash } from "node:crypto";
import { authorize } from "../access/policy";
import type { Ctx } from "../context";
import { Prisma } from "../db";
import { loadDocument } from "../documents/loadDocument";
import { ImageTooLarge, MAX_IMAGE_BYTES, UnsupportedImage, UploadImageInput } from "./inputs";
import { imageSrc } from "./paths";
import { sanitizeSvg } from "./sanitizeSvg";
import { sniffImage } from "./sniff";

export interface StoredImage {
  id: string;
  /** what a document's image node holds: `/api/images/<id>` */
  src: string;
  mime: string;
  size: number;
}

/** The bytes to store and their type: raster images as they are, SVG sanitised. Throws UnsupportedImage / ImageTooLarge. */
export async function prepareImageBytes(bytes: Uint8Array, what?: string): Promise<{ bytes: Uint8Array; mime: string }> {
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw new ImageTooLarge();
  const mime = await sniffImage(bytes);
  if (!mime) throw new UnsupportedImage(what);
  if (mime !== "image/svg+xml") return { bytes, mime };
  const clean = await sanitizeSvg(new TextDecoder().decode(bytes));
  if (!clean) throw new UnsupportedImage(what);
  return { bytes: new TextEncoder().encode(clean), mime };
}

/**
 * Stores prepared bytes in a workspace, once per content: the same image uploaded again
 * answers with the row already there, its `createdAt` set to now (the orphan cleanup's grace
 * period counts from the latest upload). No permission check (callers check it).
 */
export async function saveImage(ctx: Ctx, workspaceId: string, prepared: { bytes: Uint8Array; mime: string }, fileName: string | null): Promise<StoredImage> {
  const sha256 = createHash("sha256").update(prepared.bytes).digest("hex");
  const where = { workspaceId_sha256: { workspaceId, sha256 } };
  const select = { id: true, mime: true, size: true } as const;
  let row = await ctx.db.image.findUnique({ where, select });
  if (row) {
    // uploaded again: it starts a new grace period before `removeOrphanImages` may remove it,
    // as an editor is about to refer to it; gone meanwhile (removed as an orphan), it is stored anew
    const { count } = await ctx.db.image.updateMany({ where: { id: row.id }, data: { createdAt: new Date() } });
    if (!count) row = null;
  }
  try {
    row ??= await ctx.db.image.create({
      data: { workspaceId, sha256, mime: prepared.mime, size: prepared.bytes.byteLength, bytes: Buffer.from(prepared.bytes), fileName: fileName?.slice(0, 255) || null, createdById: ctx.actor.userId },
      select,
    });
  } catch (error) {
    // the same image uploaded twice at once: the other upload stored it
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    row = await ctx.db.image.findUniqueOrThrow({ where, select });
  }
  return { id: row.id, src: imageSrc(row.id), mime: row.mime, size: row.size };
}

/**
 * Stores an image added to a document, in the document's workspace: its type sniffed from
 * the bytes (PNG, JPEG, GIF, WebP, SVG), SVG sanitised, at most 5 MB. Requires
 * `image.upload`; NotFound for a document outside the actor's workspaces; ImageTooLarge
 * (413) and UnsupportedImage (415) change nothing.
 */
export async function uploadImage(ctx: Ctx, raw: UploadImageInput, bytes: Uint8Array): Promise<StoredImage> {
  const input = UploadImageInput.parse(raw);
  const workspaceId = await authorizeImageUpload(ctx, input.documentId);
  return saveImage(ctx, workspaceId, await prepareImageBytes(bytes), input.fileName ?? null);
}

/**
 * Checks, before a body is read, that the actor may add images to the document; answers
 * its workspace id. Requires `image.upload`; NotFound outside the actor's workspaces.
 */
export async function authorizeImageUpload(ctx: Ctx, documentId: string): Promise<string> {
  const { doc, membership } = await loadDocument(ctx, documentId);
  authorize(membership, "image.upload");
  return doc.workspaceId;
}
