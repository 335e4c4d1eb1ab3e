import path from "node:path";
import type { Ctx } from "../context";
import { DomainError } from "../errors";
import { bundlePath, localImageRefs, rewriteImageRefs } from "../images/bundlePaths";
import { EXPORT_IMAGE_DIR } from "../images/paths";
import { prepareImageBytes, saveImage } from "../images/storeImage";
import { gitBytes } from "./git";

const EXPORTED = new RegExp(`^(?:\\./)?${EXPORT_IMAGE_DIR}/([A-Za-z0-9_-]{1,64})\\.[A-Za-z0-9]{1,8}$`);

/**
 * A kept file's Markdown with the images it newly refers to by relative path stored in the
 * workspace (once per content) and their addresses rewritten to `/api/images/<id>`, as an
 * import of the file would. Paths an export wrote for the workspace's own images
 * (`images/<id>.<ext>`) are left for the merge to read. An image that is missing from the
 * commit or is not an image keeps its path. The caller checks `image.upload`.
 */
export async function storeNewImages(ctx: Ctx, input: { workspaceId: string; dir: string; head: string; file: string; markdown: string; allowLocal: boolean }): Promise<string> {
  const refs = localImageRefs(input.markdown);
  const srcs = new Map<string, string>();
  for (const ref of refs) {
    if (srcs.has(ref.src) || ref.start < 0) continue;
    const exported = EXPORTED.exec(ref.src)?.[1];
    if (exported && (await ctx.db.image.findFirst({ where: { id: exported, workspaceId: input.workspaceId }, select: { id: true } }))) continue;
    const target = bundlePath(input.file, ref.src);
    const bytes = target ? await gitBytes(input.dir, input.head, target, { allowLocal: input.allowLocal }).catch(() => null) : null;
    if (!target || !bytes) continue;
    try {
      srcs.set(ref.src, (await saveImage(ctx, input.workspaceId, await prepareImageBytes(bytes, target), path.posix.basename(target))).src);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return srcs.size ? rewriteImageRefs(input.markdown, refs, (src) => srcs.get(src) ?? null) : input.markdown;
}
