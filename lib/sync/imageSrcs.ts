import type { PMDoc } from "../editor/schema";
import type { MarkdownLayout } from "../export/layout";
import { EXPORT_IMAGE_DIR, imageSrc, mapImageSrcs } from "../images/paths";

const EXPORTED = new RegExp(`^(?:\\./)?${EXPORT_IMAGE_DIR}/([A-Za-z0-9_-]{1,64})\\.[A-Za-z0-9]{1,8}$`);

/**
 * Turns the image paths an export writes back into the addresses documents hold: an
 * uploaded image is exported as `images/<id>.<ext>` (or the path its imported file wrote,
 * kept in the layout), and stored as `/api/images/<id>`. Other addresses are left as written.
 */
export function localImageSrcs(layout: MarkdownLayout | null): (body: PMDoc) => PMDoc {
  const written = new Map(Object.entries(layout?.images ?? {}).map(([src, path]) => [path, src]));
  const rewrite = (src: string): string | null => {
    const id = EXPORTED.exec(src)?.[1];
    return written.get(src) ?? (id ? imageSrc(id) : null);
  };
  return (body) => mapImageSrcs(body, rewrite);
}
