import { z } from "zod";
import { Id } from "../../workspaces/schema";

export const PAPER_FORMATS = ["A4", "Letter"] as const;
export type PaperFormat = (typeof PAPER_FORMATS)[number];

/** `?format=` is optional (A4) and case-insensitive: `letter` and `Letter` both work. */
export const PdfExportInput = z.object({
  documentId: Id,
  format: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return "A4" as PaperFormat;
      const match = PAPER_FORMATS.find((f) => f.toLowerCase() === v.toLowerCase());
      if (!match) ctx.addIssue({ code: "custom", message: `must be one of ${PAPER_FORMATS.join(", ")}` });
      return match ?? ("A4" as PaperFormat);
    }),
});
export type PdfExportInput = z.input<typeof PdfExportInput>;
