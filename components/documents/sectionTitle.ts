/** A section title's type size by depth: the top of the heading scale inside sections (app/globals.css). */
export function sectionTitleSize(depth: number): string {
  return depth <= 1 ? "text-xl" : depth === 2 ? "text-lg" : "text-base";
}
