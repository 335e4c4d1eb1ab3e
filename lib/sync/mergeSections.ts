/**
 * A three-way merge of a document's sections, by section: what a copy was taken from
 * (`base`), the copy as it came back (`ours`) and the document as it is now (`theirs`).
 * Sections are matched by `id` (see `sectionsOf.ts`; a side's renamed sections are given their
 * base ids first, `renamedSections.ts`); `digest` says whether two sides hold the same content
 * (its title included). Pure: no database, no Markdown.
 */

/** A section as one side holds it: enough to match and compare it. */
export interface MergeSection {
  id: string;
  title: string;
  digest: string;
}

/** What the merge does with one section of `ours`. */
export type SectionChange = "updated" | "renamed" | "added" | "removed";

export interface MergeConflictEntry {
  id: string;
  title: string;
  /** which sides hold the section (a side that removed it does not) */
  in: { base: boolean; ours: boolean; theirs: boolean };
}

export interface SectionMerge {
  /**
   * sections whose content comes from `ours`, with what happens to each, in `ours` order
   * (removals last); "renamed" (with the base title, `from`) when `ours` changed its title
   */
  changes: { id: string; change: SectionChange; from?: string }[];
  /** both sides changed these since `base` (or one changed what the other removed) */
  conflicts: MergeConflictEntry[];
  /**
   * the ids in their order after the merge: `theirs` order, less removed sections, with added
   * ones after the section they follow in `ours`; `ours` order instead when only `ours`
   * reordered the sections all three hold
   */
  order: string[];
  /** whether `ours` reordering its sections was taken */
  reordered: boolean;
}

function byId(sections: MergeSection[]): Map<string, MergeSection> {
  return new Map(sections.map((s) => [s.id, s]));
}

/**
 * Merges section by section: a section only one side changed since `base` takes that
 * side's content; one both changed the same way is left as it is; one both changed
 * differently — or one side changed while the other removed it, or both added with
 * different content — is a conflict. A title is part of a section's content: a section `ours`
 * renamed is "renamed" when `theirs` left it as it was, and a conflict when `theirs` renamed
 * it otherwise or changed it. A section `ours` added is added, one `ours` removed
 * (unchanged on the other side) is removed. Sections `ours` moved (the sections all three
 * hold, in another order than in `base`) take `ours` order when `theirs` kept `base` order;
 * when both moved sections the order stays `theirs`.
 */
export function mergeSections(base: MergeSection[], ours: MergeSection[], theirs: MergeSection[]): SectionMerge {
  const [b, o, t] = [byId(base), byId(ours), byId(theirs)];
  const changes: SectionMerge["changes"] = [];
  const conflicts: MergeConflictEntry[] = [];
  const conflict = (id: string, title: string) => conflicts.push({ id, title, in: { base: b.has(id), ours: o.has(id), theirs: t.has(id) } });
  for (const mine of ours) {
    const was = b.get(mine.id);
    const now = t.get(mine.id);
    if (was?.digest === mine.digest || now?.digest === mine.digest) continue;
    if (now && was && now.digest === was.digest) changes.push(mine.title === was.title ? { id: mine.id, change: "updated" } : { id: mine.id, change: "renamed", from: was.title });
    else if (!now && !was) changes.push({ id: mine.id, change: "added" });
    else conflict(mine.id, mine.title);
  }
  for (const was of base) {
    if (o.has(was.id)) continue;
    const now = t.get(was.id);
    if (!now) continue;
    if (now.digest === was.digest) changes.push({ id: was.id, change: "removed" });
    else conflict(was.id, now.title);
  }
  const reordered = onlyOursMoved(base, ours, theirs);
  return { changes, conflicts, order: mergedOrder(ours, theirs, changes, reordered), reordered };
}

/** Whether `ours` holds the sections all three sides hold in another order than `base`, and `theirs` in `base` order. */
function onlyOursMoved(base: MergeSection[], ours: MergeSection[], theirs: MergeSection[]): boolean {
  const [o, t] = [byId(ours), byId(theirs)];
  const common = new Set(base.filter((s) => o.has(s.id) && t.has(s.id)).map((s) => s.id));
  const sequence = (side: MergeSection[]) => side.filter((s) => common.has(s.id)).map((s) => s.id).join("\n");
  return sequence(ours) !== sequence(base) && sequence(theirs) === sequence(base);
}

/**
 * The order after the merge. Normally `theirs` order, less removed sections, with the sections
 * `ours` added after the section they follow in `ours`. When `ours` order is taken: `ours`
 * order of the sections the result keeps (those `theirs` holds, and those `ours` added), with
 * the sections only `theirs` holds after the section they follow in `theirs`.
 */
function mergedOrder(ours: MergeSection[], theirs: MergeSection[], changes: SectionMerge["changes"], oursOrder: boolean): string[] {
  const removed = new Set(changes.filter((c) => c.change === "removed").map((c) => c.id));
  const added = new Set(changes.filter((c) => c.change === "added").map((c) => c.id));
  const inTheirs = new Set(theirs.map((s) => s.id));
  const [primary, secondary] = oursOrder ? [ours, theirs] : [theirs, ours];
  const order = primary.map((s) => s.id).filter((id) => !removed.has(id) && (inTheirs.has(id) || added.has(id)));
  const brought = (id: string) => (oursOrder ? !removed.has(id) && !order.includes(id) : added.has(id));
  secondary.forEach((section, index) => {
    if (!brought(section.id)) return;
    // after the nearest section before it on that side that the result holds; first when there is none
    const before = secondary.slice(0, index).reverse().find((s) => order.includes(s.id));
    order.splice(before ? order.indexOf(before.id) + 1 : 0, 0, section.id);
  });
  return order;
}
