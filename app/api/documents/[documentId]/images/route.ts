import { NextResponse } from "next/server";
import { BodyRejected } from "@/app/_server/limitedBody";
import { readMultipartFile } from "@/app/_server/multipartFile";
import { callerLog, errorResponse, toErrorResponse } from "@/app/_server/route";
import { getApiActor } from "@/app/_server/apiActor";
import { getDb } from "@/lib/db";
import { Unauthenticated } from "@/lib/errors";
import { ImageTooLarge, MAX_IMAGE_BYTES, UnsupportedImage, UploadImageInput } from "@/lib/images/inputs";
import { authorizeImageUpload, uploadImage } from "@/lib/images/storeImage";
import { limit } from "@/lib/limits/limit";

const TOO_LARGE = new ImageTooLarge().message;
const ImageDocument = UploadImageInput.pick({ documentId: true });

// POST /api/documents/:documentId/images — multipart/form-data with the image in field `file`;
// 201 { id, src, mime, size }; 413 past 5 MB, 415 for anything but PNG, JPEG, GIF, WebP, SVG
// (sniffed from the bytes); stored in the document's workspace; the permission is checked before the body is read
export async function POST(req: Request, context: { params: Promise<{ documentId: string }> }): Promise<Response> {
  const requestId = req.headers.get("x-request-id") ?? undefined;
  try {
    const actor = await getApiActor(req);
    if (!actor) throw new Unauthenticated();
    const ctx = { actor, db: getDb(), requestId, log: callerLog(actor, requestId) };
    const { documentId } = ImageDocument.parse(await context.params);
    await authorizeImageUpload(ctx, documentId);
    await limit("imageUpload", actor.userId);
    const file = await readMultipartFile(req, MAX_IMAGE_BYTES, TOO_LARGE);
    return NextResponse.json(await uploadImage(ctx, { documentId, fileName: file.name || null }, file.bytes), { status: 201 });
  } catch (error) {
    if (error instanceof BodyRejected) return errorResponse(error.status, error.message, requestId);
    if (error instanceof ImageTooLarge) return errorResponse(413, error.message, requestId);
    if (error instanceof UnsupportedImage) return errorResponse(415, error.message, requestId);
    return toErrorResponse(error, requestId);
  }
}
