import type { Ctx } from "../context";

export interface MergeOutcome {
  /** sections were written into the document */
  changed: boolean;
  /** how many sections both sides changed (recorded as a conflict, nothing overwritten) */
  conflicts: number;
}

/** Placeholder until the section merge lands: changes nothing. */
export async function mergeIncoming(_ctx: Ctx, _input: { connectionId: string; documentId: string; base: string; incoming: string; commitSha: string }): Promise<MergeOutcome> {
  return { changed: false, conflicts: 0 };
}
