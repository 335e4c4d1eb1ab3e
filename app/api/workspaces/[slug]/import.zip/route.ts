import { NextResponse } from "next/server";
import { BodyRejected } from "@/app/_server/limitedBody";
import { readMultipartFile } from "@/app/_server/multipartFile";
import { callerLog, errorResponse, toErrorResponse } from "@/app/_server/route";
import { getApiActor } from "@/app/_server/apiActor";
import { withInput } from "@/app/_server/routeInput";
import { authorize } from "@/lib/access/policy";
import { getDb } from "@/lib/db";
import { Unauthenticated } from "@/lib/errors";
import { importBundle } from "@/lib/import/importBundle";
import { templateChooser } from "@/lib/import/bundleTemplates";
import { ImportBundleOptions } from "@/lib/import/inputs";
import { BundleTooLarge, MAX_ZIP_BYTES, unzipBundle } from "@/lib/import/unzipBundle";
import { limit } from "@/lib/limits/limit";
import { Slug } from "@/lib/workspaces/schema";
import { loadMembership } from "@/lib/workspaces/loadMembership";

const TOO_LARGE = new BundleTooLarge().message;

// POST /api/workspaces/:slug/import.zip — multipart/form-data with a zip in field `file`, and
// optional fields `template` (a template id or key of the workspace, or `auto`) and
// `repairMojibake` (`true`/`false`), applied to each file as POST …/import applies them (400
// naming the field when one is bad, nothing imported): every Markdown file in it becomes a
// document, with the images it refers to by relative path; all or nothing;
// 201 { documents: [{ id, title, file, template, warnings, mojibake, images: { stored, missing } }] }
// (`mojibake`: mis-decoded text found and kept, when not repaired)
export const POST = withInput(async (req: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> => {
  const requestId = req.headers.get("x-request-id") ?? undefined;
  try {
    const actor = await getApiActor(req);
    if (!actor) throw new Unauthenticated();
    const slug = Slug.parse((await context.params).slug);
    const ctx = { actor, db: getDb(), requestId, log: callerLog(actor, requestId) };
    const { membership } = await loadMembership(ctx, slug);
    authorize(membership, "document.import");
    await limit("import", actor.userId);
    const zip = await readMultipartFile(req, MAX_ZIP_BYTES, TOO_LARGE);
    const options = ImportBundleOptions.parse(zip.fields);
    const templateFor = await templateChooser(ctx, { slug, template: options.template });
    const files = unzipBundle(zip.bytes);
    const results = await ctx.db.$transaction((tx) => importBundle({ ...ctx, db: tx }, { slug, files, repairMojibake: options.repairMojibake }, templateFor), { timeout: 120_000, maxWait: 10_000 });
    const documents = results.map((r) => ({ id: r.document.id, title: r.document.title, file: r.file, template: r.document.template.key, warnings: r.report.warnings, mojibake: r.report.repaired ? null : r.report.mojibake, images: r.images }));
    return NextResponse.json({ documents }, { status: 201 });
  } catch (error) {
    if (error instanceof BodyRejected) return errorResponse(error.status, error.message, requestId);
    if (error instanceof BundleTooLarge) return errorResponse(413, error.message, requestId);
    return toErrorResponse(error, requestId);
  }
}, { schema: ImportBundleOptions, body: "multipart" });
