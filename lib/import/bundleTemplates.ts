import type { Ctx } from "../context";
import { InvalidInput } from "../errors";
import { readFrontMatter, splitFrontMatter } from "../markdown/frontMatter";
import { listTemplates } from "../templates/templates";

/** Picks the template each Markdown file of a bundle goes onto: a template id, or undefined to import it as is. */
export type TemplateChooser = (markdown: string) => Promise<string | undefined>;

/** The template key an exported file names in its front matter (`template: <key>`), if any. */
export function exportedTemplateKey(markdown: string): string | null {
  const { block } = splitFrontMatter(markdown);
  const key = block ? readFrontMatter(block.source).data.template : undefined;
  return typeof key === "string" && key.trim() ? key.trim() : null;
}

/** The id of the workspace's usable template with that id or key; InvalidInput (field `template`) when there is none, or several. */
function templateIdIn(templates: { id: string; key: string }[], slug: string, wanted: string): string {
  const found = templates.filter((t) => t.id === wanted || t.key === wanted);
  if (found.length === 1) return found[0]!.id;
  const why = found.length ? `template "${wanted}" is ambiguous; pass its id` : `no template "${wanted}" in workspace "${slug}"`;
  throw new InvalidInput(`${why.charAt(0).toUpperCase()}${why.slice(1)}. Nothing was imported.`, { template: [why] });
}

/**
 * How the files of a bundle are mapped onto a template, from an import's `template` option:
 * absent, each as is; a template id or key of the workspace (built-in or its own), each onto
 * that one; `auto`, each onto the template its front matter names (as exports write it), as
 * is when it names none the workspace has. Resolved before anything is imported. Requires
 * `workspace.view` (through `listTemplates`); InvalidInput when the template is not found.
 */
export async function templateChooser(ctx: Ctx, input: { slug: string; template?: string }): Promise<TemplateChooser> {
  const wanted = input.template;
  if (!wanted) return async () => undefined;
  const templates = await listTemplates(ctx, { slug: input.slug });
  if (wanted !== "auto") {
    const id = templateIdIn(templates, input.slug, wanted);
    return async () => id;
  }
  return async (markdown) => {
    const key = exportedTemplateKey(markdown);
    // a key the workspace lacks (an as-is import's own, archived template) imports the file as is
    const usable = key ? templates.filter((t) => t.key === key) : [];
    return usable.length === 1 ? usable[0]!.id : undefined;
  };
}
