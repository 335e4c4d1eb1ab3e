/** The longest document title, checked by the API and counted down in the title boxes. */
export const TITLE_MAX_LENGTH = 200;

/** A stand-in for the name inside a template's title pattern: "{feature}", "[Title]". */
const STAND_IN = /\{[^{}]*\}|\[[^[\]]*\]/;

/** What a new document's title box starts with, and which part of it is selected for typing over. */
export interface TitleDraft {
  title: string;
  selectionStart: number;
  selectionEnd: number;
  /** the stand-in still to be replaced ("[Title]"), if the pattern has one */
  standIn?: string;
}

/**
 * The title box of a new document starts with the template's pattern, clipped to the
 * limit; its stand-in for the name is selected so the first keystrokes replace it
 * ("Design Document: [Title]" → "Design Document: Payments"), or the whole pattern when
 * it has none. Never throws.
 */
export function draftTitle(pattern: string): TitleDraft {
  const title = pattern.trim().slice(0, TITLE_MAX_LENGTH);
  const match = STAND_IN.exec(title);
  if (!match) return { title, selectionStart: 0, selectionEnd: title.length };
  return { title, selectionStart: match.index, selectionEnd: match.index + match[0].length, standIn: match[0] };
}

/** A title still holding a template's stand-in for the name ("[Title]"), or undefined. */
export function leftoverStandIn(title: string): string | undefined {
  return STAND_IN.exec(title)?.[0];
}
