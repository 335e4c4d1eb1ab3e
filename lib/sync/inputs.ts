import { z } from "zod";
import { Id } from "../workspaces/schema";

/** Markdown text; its size is checked in bytes by the use case (413 past the import limit). */
const MarkdownText = z.string({ message: "Send the document's Markdown as text." });

export const ApplyMarkdownInput = z.object({
  documentId: Id,
  /** the document as Markdown, with the caller's edits */
  markdown: MarkdownText,
  /** the Markdown the caller's copy was taken from (what `export.md` gave at the time): the merge's common ancestor */
  base: MarkdownText,
  /** "refuse": apply nothing when a section conflicts; "keep": apply the rest and leave conflicting sections as they are */
  onConflict: z.enum(["refuse", "keep"]).default("refuse"),
  /** the label of the version the change is recorded as */
  label: z.string().trim().min(1).max(120).default("Updated from Markdown"),
});
export type ApplyMarkdownInput = z.input<typeof ApplyMarkdownInput>;
