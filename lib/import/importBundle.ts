import { keepImagePaths } from "./imagePaths";
import type { Ctx } from "../context";
import { importDocument, type ImportResult } from "./importDocument";
import { loadMembership } from "../workspaces/loadMembership";
import { authorize } from "../access/policy";
import { DomainError } from "../errors";
import { bundlePath, localImageRefs, rewriteImageRefs } from "../images/bundlePaths";
import { prepareImageBytes, saveImage } from "../images/storeImage";

/** A file of a zip or folder being imported, by its path inside it (`/`-separated). */
export interface BundleFile {
  path: string;
  bytes: Uint8Array;
}

/** An image a file refers to that could not be brought in; its address stays as written. */
export interface MissingImage {
  src: string;
  reason: string;
}

export interface BundleDocumentResult extends ImportResult {
  file: string;
  images: { stored: number; missing: MissingImage[] };
}

const MARKDOWN = /\.(?:md|markdown)$/i;
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** A Markdown file of the bundle as text; DomainError naming it when it is not UTF-8. */
function markdownOf(file: BundleFile): string {
  try {
    return strictUtf8.decode(file.bytes);
  } catch {
    throw new DomainError(`${file.path} is not UTF-8 text. Save it as UTF-8 and try again.`, "invalid_input");
  }
}

/**
 * Imports every Markdown file of a zip or folder as a document, bringing in the images
 * they refer to by relative path (stored once per content, src rewritten to
 * `/api/images/<id>`). An image file that is missing, unreadable or not an image is
 * reported per document and its address kept as written. `templateFor` picks a template
 * per file (undefined: as is). Requires `document.import` and `image.upload`; NotFound
 * outside the actor's workspaces. Run it in a transaction so that one failing file
 * imports nothing.
 */
export async function importBundle(
  ctx: Ctx,
  input: { slug: string; files: BundleFile[]; repairMojibake?: boolean },
  templateFor: (markdown: string) => Promise<string | undefined> = async () => undefined,
): Promise<BundleDocumentResult[]> {
  const { workspace, membership } = await loadMembership(ctx, input.slug);
  authorize(membership, "document.import");
  authorize(membership, "image.upload");
  const byPath = new Map(input.files.map((f) => [f.path.replace(/^\.\//, ""), f]));
  const stored = new Map<string, string>();
  const results: BundleDocumentResult[] = [];
  for (const file of input.files.filter((f) => MARKDOWN.test(f.path)).sort((a, b) => a.path.localeCompare(b.path))) {
    const source = markdownOf(file);
    const refs = localImageRefs(source);
    const missing: MissingImage[] = [];
    const srcs = new Map<string, string>();
    for (const ref of refs) {
      if (srcs.has(ref.src) || missing.some((m) => m.src === ref.src)) continue;
      if (ref.start < 0) {
        missing.push({ src: ref.src, reason: "its address is written with escapes; rewrite it plainly and import again" });
        continue;
      }
      const target = bundlePath(file.path, ref.src);
      const image = target ? byPath.get(target) : undefined;
      if (!target || !image) {
        missing.push({ src: ref.src, reason: target ? "no such file in the import" : "the path leaves the imported folder" });
        continue;
      }
      try {
        const known = stored.get(target) ?? (await saveImage(ctx, workspace.id, await prepareImageBytes(image.bytes, target), target.split("/").pop() ?? null)).src;
        stored.set(target, known);
        srcs.set(ref.src, known);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        missing.push({ src: ref.src, reason: error.message });
      }
    }
    const markdown = rewriteImageRefs(source, refs, (src) => srcs.get(src) ?? null);
    const fileName = file.path.split("/").pop();
    const result = await importDocument(ctx, { slug: input.slug, markdown, fileName, repairMojibake: input.repairMojibake ?? false, templateId: await templateFor(markdown) });
    await keepImagePaths(ctx, result.document.id, srcs);
    results.push({ ...result, file: file.path, images: { stored: srcs.size, missing } });
  }
  return results;
}
