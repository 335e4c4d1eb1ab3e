import { createContext } from "react";

export interface Suggesting {
  /** the person's user id while they are suggesting, else null; read at each change */
  suggestingAs: () => string | null;
  /** the person may accept and reject suggestions (an editor) */
  canResolve: boolean;
  /** the person's user id: their own suggestions they may always take back */
  me: string;
}

/** Suggestion mode as the section editors see it (DocumentEditor provides it). */
export const SuggestingContext = createContext<Suggesting>({ suggestingAs: () => null, canResolve: false, me: "" });
