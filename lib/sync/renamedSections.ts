/**
 * Which sections of a copy are sections of the base under a new heading. Sections are matched
 * by normalised title (`sectionsOf.ts`), so a renamed heading would otherwise read as one
 * section removed and another added, and the section would lose its key (and with it its
 * comments and approval bindings). Pure.
 */

/** A section as the rename rule sees it: its id, and a digest of what is under its heading (fields and body, not the title). */
export interface RenameCandidate {
  id: string;
  bodyDigest: string;
}

/** Where an unmatched section stands: between which two sections both sides hold ("" at either end). */
function places<T extends RenameCandidate>(sections: T[], shared: Set<string>): Map<string, T[]> {
  const byPlace = new Map<string, T[]>();
  sections.forEach((section, i) => {
    if (shared.has(section.id)) return;
    const before = sections.slice(0, i).reverse().find((s) => shared.has(s.id))?.id ?? "";
    const after = sections.slice(i + 1).find((s) => shared.has(s.id))?.id ?? "";
    const place = `${before}\n${after}`;
    byPlace.set(place, [...(byPlace.get(place) ?? []), section]);
  });
  return byPlace;
}

/**
 * The sections of `side` that continue a section of `base` under another heading, as
 * `side id → base id`. The rule: only sections the other side lacks by id take part (those of
 * `base` that `side` lacks, those of `side` that `base` lacks), and only ones standing in the
 * same place — between the same two sections both sides hold. In one place, when both sides
 * have as many such sections, they pair in order (a heading renamed, its body edited or not);
 * otherwise only a section whose body is the same as one base section's, each the only one in
 * that place with that body, pairs with it. Anything else stays a removal and an addition.
 */
export function renamedSections(base: RenameCandidate[], side: RenameCandidate[]): Map<string, string> {
  const baseIds = new Set(base.map((s) => s.id));
  const shared = new Set(side.filter((s) => baseIds.has(s.id)).map((s) => s.id));
  const was = places(base, shared);
  const renamed = new Map<string, string>();
  for (const [place, now] of places(side, shared)) {
    const before = was.get(place) ?? [];
    if (before.length === now.length) {
      now.forEach((section, i) => renamed.set(section.id, before[i]!.id));
      continue;
    }
    const only = (sections: RenameCandidate[], digest: string) => sections.filter((s) => s.bodyDigest === digest);
    for (const section of now) {
      const [match, ...more] = only(before, section.bodyDigest);
      if (match && !more.length && only(now, section.bodyDigest).length === 1) renamed.set(section.id, match.id);
    }
  }
  return renamed;
}

/** `sections` with the ids `renamed` gives them: a renamed section then matches its base section by id. */
export function withBaseIds<T extends { id: string }>(sections: T[], renamed: Map<string, string>): T[] {
  return sections.map((s) => (renamed.has(s.id) ? { ...s, id: renamed.get(s.id)! } : s));
}
