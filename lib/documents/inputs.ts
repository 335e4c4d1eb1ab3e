import { z } from "zod";
import { isStorableText, UNSTORABLE_MESSAGE } from "../util/storableText";
import { Id, Slug } from "../workspaces/schema";
import { DOCUMENT_STATUSES } from "./status";
import { TITLE_MAX_LENGTH } from "./title";

export { DOCUMENT_STATUSES, STATUS_LABELS, type DocumentStatus } from "./status";

export const CreateDocumentInput = z.object({
  slug: Slug,
  templateId: Id,
  title: z.string().trim().min(1, "Enter a title.").max(TITLE_MAX_LENGTH).refine(isStorableText, UNSTORABLE_MESSAGE).optional(),
});
export type CreateDocumentInput = z.infer<typeof CreateDocumentInput>;

export const DocumentRef = z.object({ documentId: Id });
export type DocumentRef = z.infer<typeof DocumentRef>;

const Storable = (max: number) => z.string().max(max).refine(isStorableText, UNSTORABLE_MESSAGE);
const FieldValueInput = z.union([Storable(10_000), z.array(Storable(200)).max(100), z.null()]);

export const UpdateDocumentInput = z.object({
  documentId: Id,
  title: z.string().trim().min(1, "Enter a title.").max(TITLE_MAX_LENGTH).refine(isStorableText, UNSTORABLE_MESSAGE).optional(),
  /** section key → field key → value */
  fields: z.record(z.string().max(60), z.record(z.string().max(60), FieldValueInput)).optional(),
});
export type UpdateDocumentInput = z.infer<typeof UpdateDocumentInput>;

const PageNumber = z.coerce.number().int().min(1).max(10_000).default(1);

/** An optional filter text; an empty one (a form's blank box) is no filter. */
const FilterText = (max: number) => z.string().trim().max(max).optional().transform((v) => v || undefined);

export const ListDocumentsInput = z.object({
  slug: Slug,
  status: z.enum(DOCUMENT_STATUSES, { error: "Pick a status from the list." }).optional(),
  template: FilterText(60),
  /** a member: "me", a name (case-insensitive, partial), an email or a user id */
  owner: FilterText(200),
  /** a member asked to review the document, or who decided on it; same forms as `owner` */
  reviewer: FilterText(200),
  /** a typed field of the workspace's templates, by key or label (case-insensitive) … */
  field: FilterText(80),
  /** … whose value contains this (case-insensitive); for person fields, a member as in `owner` */
  value: FilterText(200),
  q: FilterText(200),
  trash: z.enum(["0", "1"]).optional(),
  page: PageNumber,
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListDocumentsInput = z.input<typeof ListDocumentsInput>;
