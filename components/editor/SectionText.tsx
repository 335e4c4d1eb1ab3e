"use client";

import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import type { SectionAwarenessHub } from "@/lib/collab/sectionAwareness";
import { bodyName, readBody } from "@/lib/collab/ydocLayout";
import type { PMNode } from "@/lib/editor/schema";
import { codeLanguage } from "@/lib/editor/codeHighlight";
import { isEmptyBody, emptyBodyHint, EMPTY_BODY_CLASS } from "@/lib/editor/emptyBody";
import { escapeHtml } from "@/lib/editor/domSpecToHtml";
import { useHighlighter } from "../documents/HighlightedCode";
import { sectionTextHtml } from "../documents/sectionTextHtml";
import { caretColor } from "./caretColor";
import { drawingsVersion, onDrawingsAdded } from "./mermaid/drawings";
import { pressedAt, type Activation } from "./pressedAt";

export type { Activation } from "./pressedAt";

/** A mouse press on a section's text, for the browser to put its caret there (earlyEdit.ts). */
export interface Press {
  text: HTMLElement;
  target: EventTarget;
  x: number;
  y: number;
}

/**
 * A section's text, read-only, from the shared document, while it has no editor: the reader
 * sees it at once, a change someone makes meanwhile shows in the same frame, and a click,
 * the focus or a key starts the editor (see SectionBody).
 */
export function SectionText({ ydoc, carets, sectionKey, title, editable, editing, onActivate }: { ydoc: Y.Doc; carets: SectionAwarenessHub; sectionKey: string; title: string; editable: boolean; editing: boolean; onActivate: (how: Activation, press?: Press) => void }) {
  // what the text needs to know of itself, read again after each change (a 200-section page
  // keeps no JSON of every text: the HTML is drawn from the shared document when needed)
  const [store] = useState(() => {
    const fragment = ydoc.getXmlFragment(bodyName(sectionKey));
    let shape: TextShape | null = null;
    // the text's JSON, kept until the current render is done: its shape and its HTML read it once
    let json: PMNode | null = null;
    const body = (): PMNode => {
      if (!json) {
        json = readBody(fragment) as PMNode;
        queueMicrotask(() => (json = null));
      }
      return json;
    };
    const read = (): TextShape => (shape ??= shapeOf(body()));
    const subscribe = (changed: () => void) => {
      const observer = () => {
        shape = null;
        changed();
      };
      fragment.observeDeep(observer);
      return () => fragment.unobserveDeep(observer);
    };
    return { body, read, subscribe };
  });
  const shape = useSyncExternalStore(store.subscribe, store.read, store.read);
  const textRef = useRef<HTMLDivElement>(null);
  const highlighter = useHighlighter(textRef, shape.namesLanguage);
  // one string per section, RichText's markup: a page of many sections holds no React tree for each paragraph
  // drawn again when diagram drawings arrive after the page (a page a link brought fetches them)
  const drawings = useSyncExternalStore(onDrawingsAdded, drawingsVersion, drawingsVersion);
  // while the page hydrates, the text the server drew from the same state is in the page:
  // taken from there instead of drawn a second time (200 sections' worth of rendering)
  const [first] = useState(() => ({ shape, highlighter, drawings, html: textInPage(sectionKey) }));
  useEffect(() => {
    hydrated = true;
  }, []);
  const drawn = useMemo(() => {
    if (first.html !== null && shape === first.shape && highlighter === first.highlighter && drawings === first.drawings) return first.html;
    return shape.empty ? emptyBodyHtml(editable) : sectionTextHtml(store.body(), highlighter);
    // a new `shape` stands for a changed text, `drawings` counts the kept drawings the renderer reads
  }, [store, shape, highlighter, drawings, first, editable]);
  // while the browser edits the text (the editor has not started yet), the text stays as the
  // person edited it: the HTML last given to React is given again, so React does not set it
  const shown = useRef(drawn);
  // eslint-disable-next-line react-hooks/refs -- read to keep what React last drew, written after each commit
  const html = editing ? shown.current : drawn;
  useLayoutEffect(() => {
    shown.current = html;
  });
  const people = usePeopleIn(carets, sectionKey);
  // laid out as the editor is (a row above the text for its toolbar), so nothing moves when it starts
  return (
    <div className="space-y-1">
      <div className="flex min-h-7 items-start gap-2">
        {people.length ? (
          <p className="flex flex-1 flex-wrap gap-1" aria-label="Here now">
            {people.map((p) => (
              <span key={p.id} className="rounded px-1.5 text-xs font-semibold text-white" style={{ backgroundColor: p.color }}>
                {p.name}
              </span>
            ))}
          </p>
        ) : null}
      </div>
      <div
        role="textbox"
        aria-label={`${title} body`}
        aria-multiline="true"
        aria-readonly={!editable}
        aria-placeholder={emptyBodyHint(editable)}
        tabIndex={0}
        data-static-body=""
        ref={textRef}
        className="sw-prose rounded-md px-1 py-1 focus:outline-none focus-within:ring-2 focus-within:ring-indigo-200"
        onMouseDown={(e) => {
          // in a text the browser edits, a press moves the caret as it would in any text field
          if (e.button !== 0 || editing) return;
          e.preventDefault();
          onActivate(pressedAt(e.currentTarget, e.target, e.clientX, e.clientY), { text: e.currentTarget, target: e.target, x: e.clientX, y: e.clientY });
        }}
        // the focus going to the content the browser edits (it put the caret there) is no new activation
        onFocus={(e) => editing || (e.target as HTMLElement).hasAttribute("data-early-edit") || onActivate("focus")}
      >
        {/* the editor's type and spacing: the text stays put when the editor takes over; one
            string, also for an empty text's hint, so the browser can edit it before the editor starts */}
        <div className="sw-prose whitespace-pre-wrap break-words" dangerouslySetInnerHTML={{ __html: html }} />
      </div>
    </div>
  );
}

// false until a section's text has been drawn in this tab: before that, a text drawn in the
// browser is the page's hydration of the server's HTML
let hydrated = false;

/**
 * The HTML of a section's read-only text as the server drew it into the page, while the page
 * hydrates; null after that, on the server, and when the section has no such text in the page.
 * Only SectionText draws `[data-static-body]`, so an element found is this section's.
 */
function textInPage(sectionKey: string): string | null {
  if (hydrated || typeof document === "undefined") return null;
  const text = document.getElementById(`section-${sectionKey}`)?.querySelector("[data-static-body] > .sw-prose");
  return text ? text.innerHTML : null;
}

/** What a section's text shows besides its HTML: the empty hint, and whether code in it is highlighted. */
interface TextShape {
  empty: boolean;
  namesLanguage: boolean;
}

function shapeOf(doc: PMNode): TextShape {
  return { empty: isEmptyBody(doc), namesLanguage: namesLanguage(doc) };
}

/** Whether a body has a code block that names a language (the highlighter is wanted). */
function namesLanguage(node: PMNode): boolean {
  if (node.type === "codeBlock") return codeLanguage(node.attrs) !== "";
  return node.content?.some(namesLanguage) ?? false;
}

type Person = { id: number; name: string; color: string };
const NOBODY: Person[] = [];

/** The other people whose caret is in the section, with their names and colours, as they come and go. */
function usePeopleIn(carets: SectionAwarenessHub, sectionKey: string): Person[] {
  const [store] = useState(() => {
    const here = carets.forSection(sectionKey);
    let people = NOBODY;
    let seen = "";
    const read = () => {
      const now = [...here.getStates()]
        .filter(([id]) => id !== here.clientID)
        .map(([id, state]): Person => {
          const user = (state.user ?? {}) as { name?: unknown; color?: unknown };
          return { id, name: typeof user.name === "string" ? user.name : "Someone", color: caretColor(user.color) };
        });
      // the same array while nobody came or went: React re-renders only on a change
      const key = JSON.stringify(now);
      if (key !== seen) {
        seen = key;
        people = now.length ? now : NOBODY;
      }
      return people;
    };
    const subscribe = (changed: () => void) => {
      here.on("change", changed);
      return () => here.off("change", changed);
    };
    return { read, subscribe };
  });
  return useSyncExternalStore(store.subscribe, store.read, () => NOBODY);
}

/** An empty text's hint, as `EmptyBody` draws it, as one string. */
function emptyBodyHtml(editable: boolean): string {
  return `<p class="${EMPTY_BODY_CLASS}" data-placeholder="${escapeHtml(emptyBodyHint(editable))}"><br></p>`;
}
