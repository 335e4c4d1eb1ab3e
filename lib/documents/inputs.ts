import { z } from "zod";
import { isStorableText, UNSTORABLE_MESSAGE } from "../util/storableText";
import { Id, Slug } from "../workspaces/schema";
import { DOCUMENT_STATUSES } from "./status";
import { TITLE_MAX } from "./titleLimit";

export { DOCUMENT_STATUSES, STATUS_LABELS, type DocumentStatus } from "./status";

export const CreateDocumentInput = z.object({
  slug: Slug,
  templateId: Id,
  title: z.string().trim().min(1).max(TITLE_MAX).refine(isStorableText, UNSTORABLE_MESSAGE).optional(),
});
export type CreateDocumentInput = z.infer<typeof CreateDocumentInput>;

export const DocumentRef = z.object({ documentId: Id });
export type DocumentRef = z.infer<typeof DocumentRef>;

const Storable = (max: number) => z.string().max(max).refine(isStorableText, UNSTORABLE_MESSAGE);
const FieldValueInput = z.union([Storable(10_000), z.array(Storable(200)).max(100), z.null()]);

export const UpdateDocumentInput = z.object({
  documentId: Id,
  title: z.string().trim().min(1, "Enter a title.").max(TITLE_MAX).refine(isStorableText, UNSTORABLE_MESSAGE).optional(),
  /** section key → field key → value */
  fields: z.record(z.string().max(60), z.record(z.string().max(60), FieldValueInput)).optional(),
});
export type UpdateDocumentInput = z.infer<typeof UpdateDocumentInput>;

const PageNumber = z.coerce.number().int().min(1).max(10_000).default(1);

export const ListDocumentsInput = z.object({
  slug: Slug,
  status: z.enum(DOCUMENT_STATUSES).optional(),
  template: z.string().max(60).optional(),
  owner: Id.optional(),
  /** filter by any typed field: `fieldKey` equals (or, for lists, contains) `fieldValue` */
  field: z.string().regex(/^[a-z][a-z0-9_]*$/).max(60).optional(),
  value: z.string().max(200).optional(),
  q: z.string().trim().max(200).optional(),
  trash: z.enum(["0", "1"]).optional(),
  page: PageNumber,
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListDocumentsInput = z.input<typeof ListDocumentsInput>;
