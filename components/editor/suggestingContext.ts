import { createContext } from "react";

export interface Suggesting {
  /** the person's user id while they are suggesting in the section, else null; read at each change */
  suggestingAs: (sectionKey: string) => string | null;
  /** whether the whole document is suggesting (then a section's own switch is not offered) */
  everywhere: boolean;
  /** the sections the person switched to suggesting on their own */
  sections: ReadonlySet<string>;
  /** switches one section between editing and suggesting */
  toggleSection: (sectionKey: string) => void;
  /** the person may accept and reject suggestions (an editor) */
  canResolve: boolean;
  /** the person's user id: their own suggestions they may always take back */
  me: string;
}

/** Suggestion mode as the section editors see it (DocumentEditor provides it). */
export const SuggestingContext = createContext<Suggesting>({ suggestingAs: () => null, everywhere: false, sections: new Set(), toggleSection: () => undefined, canResolve: false, me: "" });
