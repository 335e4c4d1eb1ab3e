import { authorize, membershipOf } from "../access/policy";
import type { Ctx } from "../context";
import { NotFound } from "../errors";
import { ImageRef } from "./inputs";

export interface ImageFile {
  id: string;
  mime: string;
  bytes: Uint8Array;
  sha256: string;
}

/**
 * An image's bytes. Requires `image.view` in the image's workspace; NotFound when it does
 * not exist or the actor is not a member there (the two look the same from outside).
 */
export async function getImage(ctx: Ctx, raw: ImageRef): Promise<ImageFile> {
  const { imageId } = ImageRef.parse(raw);
  const row = await ctx.db.image.findUnique({ where: { id: imageId }, select: { id: true, mime: true, bytes: true, sha256: true, workspaceId: true } });
  const member = row ? await ctx.db.membership.findFirst({ where: { workspaceId: row.workspaceId, userId: ctx.actor.userId }, select: { userId: true, role: true, workspaceId: true } }) : null;
  const membership = membershipOf(ctx.actor, member);
  if (!row || !membership) throw new NotFound("Image");
  authorize(membership, "image.view");
  return { id: row.id, mime: row.mime, bytes: new Uint8Array(row.bytes), sha256: row.sha256 };
}

/**
 * The images among `ids` that belong to the workspace of document `documentId` (others,
 * from another workspace, are left out), for exports and printing. No permission check:
 * callers have checked the document they come from.
 */
export async function loadDocumentImages(ctx: Ctx, documentId: string, ids: string[]): Promise<Map<string, ImageFile>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db.image.findMany({
    where: { id: { in: ids }, workspace: { documents: { some: { id: documentId } } } },
    select: { id: true, mime: true, bytes: true, sha256: true },
  });
  return new Map(rows.map((r) => [r.id, { id: r.id, mime: r.mime, bytes: new Uint8Array(r.bytes), sha256: r.sha256 }]));
}
