"use client";

import { lazy, Suspense, useContext, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { UploadStatus } from "./imageUpload";
import { SectionEditor, type SlashState } from "./sectionEditor";
import { SlashMenu } from "./SlashMenu";
import { MembersContext } from "./membersContext";
import { ReferencesContext } from "./referencesContext";
import { resolveEverywhere } from "./resolveEverywhere";
import { suggestionQuote } from "./suggesting";
import { SuggestingContext } from "./suggestingContext";
import { SUGGESTION_MENU_HEIGHT, SuggestionMenu, type PickedSuggestion } from "./SuggestionMenu";
import { useFollowScroll } from "../ui/useFollowScroll";
import { LinkForm } from "./LinkForm";
import { selectionAnchor } from "./comments/anchors";
import { isCharacter, type HeldKey } from "./heldKeys";
import { setHeld } from "./heldInput";
import type { Activation } from "./SectionText";
import type { SectionBodyProps } from "./SectionBody";
import { liveSectionsOf } from "./liveSections";
import { ON_HOVER } from "./onHover";
import { PartBoundary } from "../ui/PartBoundary";

// The live editor of one section, with ProseMirror and everything it needs: loaded after the
// page (SectionBody), so the page's first JavaScript holds no editor code.

// loaded the first time a section gets the focus
const Toolbar = lazy(() => import("./Toolbar").then((m) => ({ default: m.Toolbar })));

/** What was done in a section before its editor started: the keys pressed, and its text as the browser edited it (when it was pressed). */
export interface HeldInput {
  keys: HeldKey[];
  edited: HTMLElement | null;
}

/**
 * A section's editor, bound to its Y.XmlFragment. What `takeHeld` gives was done before it
 * started: the text the browser edited becomes the editor's, caret included; or, when that
 * edit cannot be handed over exactly, `activation` puts the caret where the person asked and
 * the keys are pressed there.
 */
export function LiveSectionEditor({ documentId, ydoc, carets, sectionKey, title, editable, onNotice, threads, onComment, activation, takeHeld }: SectionBodyProps & { activation: Activation | null; takeHeld: () => HeldInput }) {
  const [slash, setSlash] = useState<SlashState | null>(null);
  const [upload, setUpload] = useState<UploadStatus | null>(null);
  // a Markdown paste waiting for its converter's code
  const [pasting, setPasting] = useState(false);
  const [linkHref, setLinkHref] = useState<string | null>(null);
  // the people "@" offers (handed to the editor made once, and again when they change)
  const members = useContext(MembersContext);
  const { suggestingAs, everywhere, sections: suggestingSections, toggleSection, canResolve, me } = useContext(SuggestingContext);
  const references = useContext(ReferencesContext);
  const [picked, setPicked] = useState<PickedSuggestion | null>(null);
  // fixed in the window: it follows its suggestion when the page scrolls (an editor starting
  // or a change above can scroll it), and closes once the suggestion is gone
  useFollowScroll(picked !== null, () => {
    const mark = picked ? host.current?.querySelector<HTMLElement>(`[data-suggestion="${CSS.escape(picked.id)}"]`) : null;
    setPicked((was) => (was && mark ? { ...was, ...menuPlace(mark) } : null));
  });
  // created during the first render, so sections that come into view together mount in one pass
  const create = () => new SectionEditor({ documentId, ydoc, carets, sectionKey, title, editable, threads, onNotice, onSlash: setSlash, members, onUpload: setUpload, onPasting: setPasting, onLinkForm: setLinkHref, suggestingAs: () => suggestingAs(sectionKey), references, onPropose: (proposal) => onComment({ quote: "", proposal }) });
  const [section, setSection] = useState(create);
  const host = useRef<HTMLDivElement>(null);
  const live = liveSectionsOf(ydoc);
  // an image still uploading, or Markdown still being converted, is inserted by this editor: it stays until then
  useEffect(() => live.setBusy(sectionKey, upload !== null || pasting), [live, sectionKey, upload, pasting]);
  useEffect(() => () => live.setBusy(sectionKey, false), [live, sectionKey]);
  useLayoutEffect(() => {
    if (!section.isDestroyed) {
      section.mount(host.current!);
      const held = takeHeld();
      const taken = held.edited ? section.takeEarlyEdit(held.edited) : "refused";
      if (taken === "refused") {
        // asked for by a click or the focus: the caret goes where the person meant; the focus
        // too, unless they have since moved on from the text the browser edited for them
        const focus = !held.edited || window.specwrightEarlyFocus === held.edited;
        if (activation === "focus") {
          if (focus) section.focus();
        } else if (activation) section.focusAt(activation, focus);
      }
      // what was typed while this code loaded goes where the caret went, unless the text the
      // browser edited already holds it (characters typed that changed nothing went elsewhere);
      // a paste, and what was typed after it, the browser never made: pasted and pressed here
      const pasteAt = held.keys.findIndex((key) => key.paste);
      const beforePaste = pasteAt < 0 ? held.keys : held.keys.slice(0, pasteAt);
      const press = taken === "refused" || (taken === "unchanged" && beforePaste.some(isCharacter)) ? held.keys : pasteAt >= 0 ? held.keys.slice(pasteAt) : [];
      if (press.length) {
        // held (not "Saved", the editor kept) until a paste among them is in
        setHeld(sectionKey, true);
        void section.pressKeys(press).finally(() => setHeld(sectionKey, false));
      }
      return () => section.destroy();
    }
    // a development-mode remount after a simulated unmount: start a fresh editor
    // eslint-disable-next-line react-hooks/set-state-in-effect -- replacing a destroyed instance
    setSection(create());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one editor per mount; later props go through the setters below
  }, [section]);
  useEffect(() => section.setTitle(title), [section, title]);
  useEffect(() => section.setEditable(editable), [section, editable]);
  useEffect(() => section.setThreads(threads), [section, threads]);
  useEffect(() => section.setMembers(members), [section, members]);
  useEffect(() => section.setReferences(references), [section, references]);
  // the formatting toolbar is drawn while the focus is in this section's body or its
  // toolbar: a page of 60 sections would otherwise build and lay out 780 buttons
  const [focused, setFocused] = useState(false);
  return (
    <div
      className="space-y-1"
      onFocus={() => {
        setFocused(true);
        live.used(sectionKey);
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      {/* one row of the same height with the toolbar or without it: a section that loses the
          focus must not get shorter, or what the pointer is pressing moves away from under it */}
      <div className="flex h-8 items-start gap-2">
        <div className="min-w-0 flex-1">
          {editable && focused ? (
            <PartBoundary>
              <Suspense fallback={null}>
                <Toolbar editor={section} label={title} />
              </Suspense>
            </PartBoundary>
          ) : null}
        </div>
        {/* an editor may suggest in one section while editing the rest */}
        {editable && canResolve && !everywhere ? (
          <button
            type="button"
            aria-pressed={suggestingSections.has(sectionKey)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => toggleSection(sectionKey)}
            className={`shrink-0 rounded px-2 py-1 text-xs font-medium ${suggestingSections.has(sectionKey) ? "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200" : `text-slate-600 hover:bg-slate-50 ${ON_HOVER}`}`}
            title="Suggest in this section only: what you type here is a tracked change"
          >
            Suggest here
          </button>
        ) : null}
        <button
          type="button"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onComment(selectionAnchor(section.state) ?? { quote: "" })}
          className={`shrink-0 rounded px-2 py-1 text-xs font-medium text-amber-800 hover:bg-amber-50 ${ON_HOVER}`}
          aria-label={`Comment on ${title}`}
          title="Comment on the selected text, or on the section"
        >
          Comment
        </button>
      </div>
      <div
        ref={host}
        onClick={(e) => {
          // a suggestion clicked: what can be done with it
          const mark = (e.target as HTMLElement).closest<HTMLElement>("[data-suggestion]");
          const id = mark?.dataset.suggestion;
          if (!mark || !id) return setPicked(null);
          setPicked({ id, authorId: mark.dataset.author ?? "", ...menuPlace(mark) });
        }}
      />
      {picked ? (
        <SuggestionMenu
          picked={picked}
          canResolve={canResolve}
          me={me}
          onResolve={(how, which) => (which !== "all" && "everywhere" in which ? resolveEverywhere(ydoc, how, which.authorId) : section.resolveSuggestions(how, which))}
          onDiscuss={() => {
            const anchor = section.selectSuggestion(picked.id) ? selectionAnchor(section.state) : null;
            // quoted as the change it proposes, not its two texts run together
            // the thread closes when the suggestion is accepted or rejected
            if (anchor) onComment({ ...anchor, quote: suggestionQuote(section.state.doc, picked.id) || anchor.quote, suggestionId: picked.id });
          }}
          onClose={() => setPicked(null)}
        />
      ) : null}
      {linkHref !== null ? (
        <LinkForm
          href={linkHref}
          onApply={(href) => section.applyLink(href)}
          onClose={() => {
            setLinkHref(null);
            section.focus();
          }}
        />
      ) : null}
      {upload ? (
        <p role="status" className="text-xs text-slate-600">
          Uploading {upload.name}… {upload.percent}%
        </p>
      ) : null}
      {pasting ? (
        <p role="status" className="text-xs text-slate-600">
          Pasting…
        </p>
      ) : null}
      {slash ? (
        <SlashMenu
          items={section.menuItems(slash)}
          label={slash.kind === "block" ? "Insert block" : slash.kind === "mention" ? "Mention someone" : "Link a document"}
          active={slash.active}
          position={slash.position}
          onPick={(item) => section.pick(item)}
          onKey={(key) => {
            const done = section.slashKey(key);
            // closed from the menu: back to the text, where the "/" was typed
            if (done && key === "Escape") section.focus();
            return done;
          }}
        />
      ) : null}
    </div>
  );
}

/** Where a suggestion's menu goes: drawn over the page (a section card clips what overflows it), under the suggestion, or over it near the window's bottom. */
function menuPlace(mark: HTMLElement): { top: number; left: number } {
  const at = mark.getBoundingClientRect();
  const below = at.bottom + 4 + SUGGESTION_MENU_HEIGHT <= window.innerHeight;
  return { top: below ? at.bottom + 4 : Math.max(8, at.top - 4 - SUGGESTION_MENU_HEIGHT), left: Math.max(8, Math.min(at.left, window.innerWidth - 272)) };
}
