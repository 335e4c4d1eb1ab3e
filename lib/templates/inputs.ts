import { z } from "zod";
import { Id, Slug } from "../workspaces/schema";

export const TemplateRef = z.object({ slug: Slug, templateId: Id });
export type TemplateRef = z.infer<typeof TemplateRef>;

export const DuplicateTemplateInput = TemplateRef.extend({ name: z.string().trim().min(1).max(120).optional() });
export type DuplicateTemplateInput = z.infer<typeof DuplicateTemplateInput>;

export const UpdateTemplateInput = TemplateRef.extend({
  /** validated against TemplateDefinition by the use case, for field-level errors */
  definition: z.unknown(),
  /** the version the editor started from; a newer saved version answers 409 */
  expectedVersion: z.number().int().min(1),
});
export type UpdateTemplateInput = z.infer<typeof UpdateTemplateInput>;
