"use client";

import { useContext } from "react";
import { createPortal } from "react-dom";
import { personColor } from "@/lib/editor/personColor";
import { suggestionTime } from "@/lib/suggestions/ids";
import { MembersContext } from "./membersContext";

export interface PickedSuggestion {
  id: string;
  authorId: string;
  /** where to draw the menu, in the window (it closes when the page scrolls) */
  top: number;
  left: number;
}

/** The menu's height at most (an editor's, with every choice), to keep it inside the window. */
export const SUGGESTION_MENU_HEIGHT = 320;

type Resolve = (how: "accept" | "reject", which: { id: string } | { authorId: string } | "all" | { authorId: string; everywhere: true }) => void;

/**
 * What can be done with the suggestion a person clicked: an editor accepts or rejects it,
 * every one of its author's in this section or in the whole document, or all of this section's; its author may take
 * it back; anyone may discuss it in a comment thread anchored to its text. Who made it and
 * when is shown in their colour.
 */
export function SuggestionMenu({ picked, canResolve, me, onResolve, onDiscuss, onClose }: { picked: PickedSuggestion; canResolve: boolean; me: string; onResolve: Resolve; onDiscuss: () => void; onClose: () => void }) {
  const members = useContext(MembersContext);
  const author = members.find((m) => m.userId === picked.authorId)?.name ?? "Someone";
  const at = suggestionTime(picked.id);
  const act = (how: "accept" | "reject", which: Parameters<Resolve>[1]) => {
    onResolve(how, which);
    onClose();
  };
  const button = "rounded px-2 py-1 text-left text-xs hover:bg-slate-100";
  // on the page's body: a section card contains its layout, which would make "fixed" relative to the card
  return createPortal(
    <div
      role="dialog"
      aria-label={`Suggestion by ${author}`}
      className="fixed z-30 w-64 rounded-md bg-white p-2 text-sm shadow-lg ring-1 ring-slate-200"
      style={{ top: picked.top, left: picked.left }}
      onKeyDown={(e) => e.key === "Escape" && onClose()}
    >
      <p className="mb-1 text-xs text-slate-600">
        <span className="font-semibold" style={{ color: personColor(picked.authorId) }}>{author}</span> suggested this
        {at ? <> · <time dateTime={at.toISOString()}>{at.toLocaleString()}</time></> : null}
      </p>
      <div className="flex flex-col">
        {canResolve ? (
          <>
            <div className="flex gap-1">
              <button type="button" className={`${button} font-semibold text-emerald-800`} onClick={() => act("accept", { id: picked.id })}>Accept</button>
              <button type="button" className={`${button} font-semibold text-red-800`} onClick={() => act("reject", { id: picked.id })}>Reject</button>
            </div>
            <button type="button" className={button} onClick={() => act("accept", { authorId: picked.authorId })}>Accept all by {author} in this section</button>
            <button type="button" className={button} onClick={() => act("reject", { authorId: picked.authorId })}>Reject all by {author} in this section</button>
            <button type="button" className={button} onClick={() => act("accept", { authorId: picked.authorId, everywhere: true })}>Accept all by {author} in the document</button>
            <button type="button" className={button} onClick={() => act("reject", { authorId: picked.authorId, everywhere: true })}>Reject all by {author} in the document</button>
            <button type="button" className={button} onClick={() => act("accept", "all")}>Accept all in this section</button>
            <button type="button" className={button} onClick={() => act("reject", "all")}>Reject all in this section</button>
          </>
        ) : picked.authorId === me ? (
          <button type="button" className={button} onClick={() => act("reject", { id: picked.id })}>Take back this suggestion</button>
        ) : (
          <p className="text-xs text-slate-500">The author or an editor accepts or rejects it.</p>
        )}
        <button
          type="button"
          className={`${button} text-amber-800`}
          onClick={() => {
            onDiscuss();
            onClose();
          }}
        >
          Discuss it (a comment on its text)
        </button>
        <button type="button" className={`${button} text-slate-500`} onClick={onClose}>Close</button>
      </div>
    </div>,
    document.body,
  );
}
