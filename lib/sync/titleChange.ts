import { readFrontMatter, splitFrontMatter } from "../markdown/frontMatter";

/** A copy's title as its Markdown states it: the front matter's `title`, and the H1 the file opens with. */
function titlesOf(markdown: string): { frontMatter: string | null; heading: string | null } {
  const { block, rest } = splitFrontMatter(markdown);
  const data = block ? readFrontMatter(block.source).data : {};
  const frontMatter = typeof data.title === "string" ? data.title.trim() : null;
  const first = rest.split("\n").find((line) => line.trim()) ?? "";
  const heading = /^#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(first)?.[1]?.trim() ?? null;
  return { frontMatter: frontMatter || null, heading: heading || null };
}

/**
 * What a copy did to the document's title since `base`: renamed it (in its front matter's
 * `title` or its opening H1; the front matter wins when both changed) to a title taken when
 * the document's title is still the base's (`to`), refused when the document was renamed
 * too (`refused: "both"`); null when the copy kept its title.
 */
export function titleChange(base: string, copy: string, current: string): { to?: string; refused?: "both" } | null {
  const [was, now] = [titlesOf(base), titlesOf(copy)];
  const renamed = was.frontMatter && now.frontMatter && now.frontMatter !== was.frontMatter ? { from: was.frontMatter, to: now.frontMatter } : was.heading && now.heading && now.heading !== was.heading ? { from: was.heading, to: now.heading } : null;
  if (!renamed || renamed.to === current) return null;
  return renamed.from === current ? { to: renamed.to } : { refused: "both" };
}
