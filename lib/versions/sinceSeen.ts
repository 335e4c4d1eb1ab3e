import { movedKeys, summarize, type VersionSummary } from "./diff";
import type { Manifest } from "./manifest";

/** One state of a document on the way from what someone saw to now: its sections and who changed them since the state before. */
export interface SeenStep {
  manifest: Manifest;
  authorIds: string[];
}

/** Sections one step touched: content changed, added, removed or moved. */
function touchedKeys(before: Manifest, after: Manifest): string[] {
  const old = new Map(before);
  const now = new Map(after);
  const moved = movedKeys(before.map(([k]) => k), after.map(([k]) => k));
  return [...after.filter(([k, h]) => old.get(k) !== h).map(([k]) => k), ...before.filter(([k]) => !now.has(k)).map(([k]) => k), ...moved];
}

/** Sections whose hash differs between the first and the last state: the ones whose content to compare when hashes may differ for equal content. */
export function hashChanged(steps: SeenStep[]): { key: string; before: string; after: string }[] {
  const first = new Map(steps[0]?.manifest ?? []);
  return (steps[steps.length - 1]?.manifest ?? []).flatMap(([key, after]) => {
    const before = first.get(key);
    return before !== undefined && before !== after ? [{ key, before, after }] : [];
  });
}

/**
 * Sections someone other than `actorId` changed on the way from the first state to the
 * last: a step whose authors are only the actor is their own work; a step with someone
 * else (or with no recorded author) counts for every section it touched, so a section both
 * changed counts.
 */
export function touchedByOthers(steps: SeenStep[], actorId: string): Set<string> {
  const others = new Set<string>();
  for (let i = 1; i < steps.length; i++) {
    const { authorIds } = steps[i]!;
    if (authorIds.length && authorIds.every((id) => id === actorId)) continue;
    touchedKeys(steps[i - 1]!.manifest, steps[i]!.manifest).forEach((k) => others.add(k));
  }
  return others;
}

/**
 * What changed from the first state (what `actorId` saw) to the last, counting only the
 * sections others touched (`touchedByOthers`). Compares section hashes only; `alike`:
 * sections whose hashes differ but whose content compares as unchanged.
 */
export function changedByOthers(steps: SeenStep[], actorId: string, alike?: Set<string>): VersionSummary {
  const others = touchedByOthers(steps, actorId);
  const first = steps[0]?.manifest ?? [];
  const last = steps[steps.length - 1]?.manifest ?? [];
  return summarize(first, last, { counts: (key) => others.has(key), alike });
}
