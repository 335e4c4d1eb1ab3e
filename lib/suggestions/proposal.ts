import { z } from "zod";

/**
 * A change proposed for a block the suggestion marks cannot carry: a diagram's source (the
 * marks live on text; the shared document drops marks on a diagram node). It is kept on the
 * comment thread that discusses it, outside the text, so it changes no hash until applied
 * (`lib/comments/applyProposal.ts`).
 */
export const Proposal = z.object({
  kind: z.literal("diagram"),
  before: z.string().max(20_000),
  after: z.string().trim().min(1, "The proposed diagram is empty.").max(20_000),
}).refine((p) => p.before !== p.after, { message: "The proposal changes nothing.", path: ["after"] });
export type Proposal = z.infer<typeof Proposal>;
