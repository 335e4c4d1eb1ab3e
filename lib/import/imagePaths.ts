import type { Ctx } from "../context";
import type { Prisma } from "../db";
import type { PMDoc, PMNode } from "../editor/schema";
import { readLayout, type MarkdownLayout } from "../export/layout";
import { blockHash } from "../export/sourceBlocks";
import { mapImageSrcs } from "../images/paths";

/**
 * After a zip import stored a file's images and imported it with their new srcs
 * (`/api/images/<id>`): remembers, in the document's layout, the relative path the file
 * wrote for each (`images`), and puts those paths back into the blocks kept as written, so
 * the export writes the file's image references as they were. `written` maps each path as
 * written to the src it got. No permission check: the caller imported the document.
 */
export async function keepImagePaths(ctx: Ctx, documentId: string, written: Map<string, string>): Promise<void> {
  if (!written.size) return;
  const row = await ctx.db.document.findUnique({ where: { id: documentId }, select: { markdownLayout: true, sections: { select: { key: true, body: true } } } });
  const layout = readLayout(row?.markdownLayout);
  if (!row || !layout) return;
  // one path per stored image: the first the file wrote for it
  const pathOf = new Map<string, string>();
  for (const [path, src] of written) if (!pathOf.has(src)) pathOf.set(src, path);
  const back = (src: string) => pathOf.get(src) ?? null;
  const blocks: NonNullable<MarkdownLayout["blocks"]> = {};
  for (const [key, stored] of Object.entries(layout.blocks ?? {})) {
    const body = row.sections.find((s) => s.key === key)?.body as unknown as PMDoc | undefined;
    const content: PMNode[] = body ? (mapImageSrcs<PMDoc>(body, back).content ?? []) : [];
    let at = 0;
    blocks[key] = stored.map((b) => {
      const hash = blockHash(content.slice(at, at + b.count));
      at += b.count;
      let source = b.source;
      for (const [src, path] of pathOf) source = source.split(src).join(path);
      return { ...b, hash, source };
    });
  }
  const next: MarkdownLayout = { ...layout, blocks, images: Object.fromEntries(pathOf) };
  await ctx.db.document.update({ where: { id: documentId }, data: { markdownLayout: next as unknown as Prisma.InputJsonValue } });
}
