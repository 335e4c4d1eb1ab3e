import type * as Y from "yjs";
import { docToMarkdown } from "../markdown/toMarkdown";
import { yDocToSections } from "./ydoc";

function fieldLine(key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (Array.isArray(value)) return value.length ? `- ${key}: ${value.map(String).join(", ")}` : null;
  if (typeof value === "object") return `- ${key}: ${JSON.stringify(value)}`;
  return `- ${key}: ${String(value)}`;
}

/**
 * A document's content as this browser holds it, as Markdown: each section's title as a
 * heading, its filled fields as a list, then its body. What a person who lost access can
 * copy to keep the text the server no longer accepts. Pure; throws nothing for valid Y.Docs.
 */
export function unsavedMarkdown(ydoc: Y.Doc): string {
  return yDocToSections(ydoc)
    .map((section) => {
      const heading = `${"#".repeat(Math.min(6, Math.max(1, section.depth)))} ${section.title}`;
      const fields = Object.entries(section.fields)
        .map(([key, value]) => fieldLine(key, value))
        .filter((line): line is string => line !== null);
      const body = docToMarkdown(section.body).trim();
      return [heading, fields.join("\n"), body].filter(Boolean).join("\n\n");
    })
    .join("\n\n");
}
