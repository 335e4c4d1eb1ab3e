import { z } from "zod";
import { Id } from "../workspaces/schema";

const VersionNumber = z.coerce.number().int().min(1).max(1_000_000);

export const ListVersionsInput = z.object({ documentId: Id });
export type ListVersionsInput = z.infer<typeof ListVersionsInput>;

export const VersionRef = z.object({ documentId: Id, number: VersionNumber });
export type VersionRef = z.infer<typeof VersionRef>;

/** One side of a comparison: a version number, or the current content. */
export const DiffSide = z.union([z.literal("current"), VersionNumber]);
export type DiffSide = z.infer<typeof DiffSide>;

export const DiffInput = z.object({ documentId: Id, from: DiffSide, to: DiffSide.default("current") });
export type DiffInput = z.input<typeof DiffInput>;

export const CreateVersionInput = z.object({ documentId: Id, label: z.string().trim().min(1, "Give the version a name.").max(120) });
export type CreateVersionInput = z.infer<typeof CreateVersionInput>;

export const RestoreInput = z.object({ documentId: Id, number: VersionNumber, sectionKey: z.string().min(1).max(100).optional() });
export type RestoreInput = z.infer<typeof RestoreInput>;
