import { z } from "zod";
import type { PMNode } from "../editor/schema";
import { canonicalJson } from "../util/canonicalJson";

/** The largest block a proposal carries (its JSON): a long table, not a whole document. */
const MAX_BLOCK_JSON = 60_000;

/** A block's JSON, of bounded size; its shape is checked against the schema where it is used (`lib/suggestions/blockProposal.ts`). */
const Block = z.custom<PMNode>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as { type?: unknown }).type === "string" && JSON.stringify(value).length <= MAX_BLOCK_JSON,
  { message: "is not a block, or is too large" },
);

/**
 * A change proposed for what the suggestion marks cannot carry, kept on the comment thread
 * that discusses it, outside the text, so it changes no hash until applied
 * (`lib/comments/applyProposal.ts`):
 * - `diagram`: a diagram's new source (the marks live on text; the shared document drops
 *   marks on a diagram node);
 * - `block`: one block of the section as it would be (a heading's level, a paragraph made a
 *   heading or a list, a table's rows and columns: the package marks those on the node).
 */
export const Proposal = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("diagram"),
    before: z.string().max(20_000),
    after: z.string().trim().min(1, "The proposed diagram is empty.").max(20_000),
  }),
  z.object({ kind: z.literal("block"), before: Block, after: Block }),
]).refine((p) => canonicalJson(p.before) !== canonicalJson(p.after), { message: "The proposal changes nothing.", path: ["after"] });
export type Proposal = z.infer<typeof Proposal>;

