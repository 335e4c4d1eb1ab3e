import type { SlashItem } from "./SlashMenu";

export interface Mentionable {
  userId: string;
  name: string;
}

/** The most people the "@" menu lists at once. */
const MAX_PEOPLE = 8;

/** Whether `name` answers what was typed after "@": its start, or the start of one of its words. */
function answers(name: string, query: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith(query) || lower.split(/\s+/).some((word) => word.startsWith(query));
}

/** The workspace's members the "@" menu offers for `query`, by name; picking one puts the mention in the text. */
export function mentionItems(members: Mentionable[], query: string): SlashItem[] {
  const q = query.trim().toLowerCase();
  return members
    .filter((m) => !q || answers(m.name, q))
    .slice(0, MAX_PEOPLE)
    .map((m) => ({ label: m.name, description: "Mention them: they are notified", run: (c) => c.insertMention({ id: m.userId, label: m.name }) }));
}
