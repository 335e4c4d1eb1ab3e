import { describe, expect, it } from "vitest";
import { safeImageSrc } from "@/lib/editor/documentUrls";
import { bundlePath, localImageRefs, rewriteImageRefs } from "@/lib/images/bundlePaths";
import { exportImagePath, imageIdOf, imageIdsIn, mapImageSrcs } from "@/lib/images/paths";
import { sanitizeSvg } from "@/lib/images/sanitizeSvg";
import { sniffImage } from "@/lib/images/sniff";
import type { PMDoc } from "@/lib/editor/schema";
import { GIF, HOSTILE_SVG, JPEG, pngOf, WEBP } from "../../support/images";

describe("sniffing image types from bytes", () => {
  it("recognises PNG, JPEG, GIF, WebP and SVG by their content", async () => {
    expect(await sniffImage(pngOf(2, 2, [255, 0, 0]))).toBe("image/png");
    expect(await sniffImage(JPEG)).toBe("image/jpeg");
    expect(await sniffImage(GIF)).toBe("image/gif");
    expect(await sniffImage(WEBP)).toBe("image/webp");
    expect(await sniffImage(Buffer.from(HOSTILE_SVG))).toBe("image/svg+xml");
    expect(await sniffImage(Buffer.from('<!-- drawn by hand -->\n<svg viewBox="0 0 1 1"></svg>'))).toBe("image/svg+xml");
  });

  it("refuses anything else, whatever it would be named", async () => {
    expect(await sniffImage(Buffer.from("<html><body><svg></svg></body></html>"))).toBeNull();
    expect(await sniffImage(Buffer.from("%PDF-1.7\n"))).toBeNull();
    expect(await sniffImage(Buffer.from("just text"))).toBeNull();
    expect(await sniffImage(Buffer.from([0xff, 0xfe, 0x00, 0x3c]))).toBeNull();
    expect(await sniffImage(pngOf(1, 1, [0, 0, 0]).subarray(0, 4))).toBeNull();
  });
});

describe("sanitising SVG", () => {
  it("removes scripts, handlers, javascript: links, outside references and foreign HTML, and keeps the drawing", async () => {
    const clean = (await sanitizeSvg(HOSTILE_SVG))!;
    expect(clean).toMatch(/^<svg/);
    for (const bad of ["<script", "onload", "onclick", "javascript:", "tracker.example", "iframe", "foreignObject", "evil.example"]) expect(clean).not.toContain(bad);
    expect(clean).toContain('<rect width="40" height="40" fill="red"');
    expect(clean).toContain("a &amp; b&#160;c");
  });

  it("answers null when no svg root is left", async () => {
    expect(await sanitizeSvg("<script>alert(1)</script>")).toBeNull();
  });
});

describe("image addresses", () => {
  it("accepts uploads, web addresses and plain relative paths, and nothing that runs or leaves", () => {
    for (const ok of ["/api/images/abc_1", "https://example.org/a.png", "images/a.png", "../img/a%20b.png", "./a.svg"]) expect(safeImageSrc(ok), ok).toBe(ok);
    // surrounding spaces are not part of an address
    expect(safeImageSrc(" a.png ")).toBe("a.png");
    for (const bad of ["javascript:alert(1)", "data:image/png;base64,AAAA", "mailto:a@b.c", "//evil.example/a.png", "/\\evil.example", "a b.png", "c:/x.png", "vbscript:x"]) expect(safeImageSrc(bad), bad).toBeNull();
  });

  it("rewrites uploaded image addresses in a body and lists their ids", () => {
    const doc: PMDoc = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "see " }, { type: "image", attrs: { src: "/api/images/img1", alt: "A" } }, { type: "image", attrs: { src: "https://x.org/b.png", alt: "B" } }] }],
    };
    expect(imageIdsIn(doc)).toEqual(["img1"]);
    const out = mapImageSrcs(doc, (src) => (imageIdOf(src) ? exportImagePath(imageIdOf(src)!, "image/png") : null));
    expect(out.content[0]!.content!.map((n) => n.attrs?.src)).toEqual([undefined, "images/img1.png", "https://x.org/b.png"]);
    expect(doc.content[0]!.content![1]!.attrs!.src).toBe("/api/images/img1");
    expect(exportImagePath("x", "image/svg+xml")).toBe("images/x.svg");
  });
});

describe("image paths inside an imported folder or zip", () => {
  it("resolves relative to the Markdown file and refuses paths that leave the bundle", () => {
    expect(bundlePath("doc.md", "images/a.png")).toBe("images/a.png");
    expect(bundlePath("docs/rfc/doc.md", "../img/a%20b.png?raw=1#x")).toBe("docs/img/a b.png");
    expect(bundlePath("doc.md", "./a.png")).toBe("a.png");
    expect(bundlePath("doc.md", "../secret.png")).toBeNull();
    expect(bundlePath("doc.md", "https://x.org/a.png")).toBeNull();
    expect(bundlePath("doc.md", "/api/images/abc")).toBeNull();
  });

  it("finds inline images and the definitions image references use, and rewrites only their addresses", () => {
    const md = [
      "# Title",
      "",
      'Inline ![a diagram](images/a.png "Title") and a [link](images/a.png).',
      "",
      "![by reference][pic] and ![web](https://x.org/w.png)",
      "",
      "[pic]: ./pics/b.svg",
      "[other]: images/not-an-image-ref.png",
      "",
    ].join("\n");
    const refs = localImageRefs(md);
    expect(refs.map((r) => r.src)).toEqual(["images/a.png", "./pics/b.svg"]);
    const out = rewriteImageRefs(md, refs, (src) => (src === "images/a.png" ? "/api/images/A" : "/api/images/B"));
    expect(out).toBe(md.replace('![a diagram](images/a.png "Title")', '![a diagram](/api/images/A "Title")').replace("[pic]: ./pics/b.svg", "[pic]: /api/images/B"));
  });
});
