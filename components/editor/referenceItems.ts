import type { SlashItem } from "./SlashMenu";

/** A document of the workspace another one may link to. */
export interface Referable {
  id: string;
  /** its number (`ADR-0007`), which a link by number keeps after renames */
  number: string;
  title: string;
}

/** What the "[[" and "#" menus can link to: the workspace's documents, and its slug for the links. */
export interface References {
  slug: string;
  documents: Referable[];
}

/** The most documents the menu lists at once. */
const MAX_DOCUMENTS = 8;

/** Whether a document answers what was typed: its number ("ADR-0007", "adr-7", "7"), or the start of its title or of a word in it. */
function answers(doc: Referable, query: string): boolean {
  if (!query) return true;
  const number = doc.number.toLowerCase();
  const digits = /^\d+$/.test(query) ? String(Number(query)) : null;
  if (number.startsWith(query) || (digits !== null && number.endsWith(`-${digits.padStart(4, "0")}`))) return true;
  const compact = query.replace(/-0*/, "-");
  if (number.replace(/-0*/, "-").startsWith(compact)) return true;
  const title = doc.title.toLowerCase();
  return title.startsWith(query) || title.split(/\s+/).some((word) => word.startsWith(query));
}

/** The documents "[[" or "#" offers for `query`; picking one links it by number in place of what was typed. */
export function referenceItems(references: References, query: string): SlashItem[] {
  const q = query.trim().toLowerCase();
  return references.documents
    .filter((d) => answers(d, q))
    .slice(0, MAX_DOCUMENTS)
    .map((d) => ({
      label: `${d.number} ${d.title}`,
      description: "Link to it: the link follows renames",
      run: (c) => c.insertReference({ href: `/w/${references.slug}/d/${d.number}`, number: d.number, title: d.title }),
    }));
}
