"use client";

import { useEffect, useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent } from "react";
import { flushSync } from "react-dom";
import type * as Y from "yjs";
import type { SectionAwarenessHub } from "@/lib/collab/sectionAwareness";
import type { AnchoredThread } from "./comments/CommentHighlights";
import type { Draft } from "./comments/SectionComments";
import type { LiveSectionEditor } from "./LiveSectionEditor";
import { heldPaste, holdsPaste, isPasteKey, type HeldKey } from "./heldKeys";
import { SectionText, type Activation, type Press } from "./SectionText";
import { heldEarly, MODIFIER_KEYS, takeEarlyInput } from "./earlyInput";
import { beginEarlyEdit, keepTypingInEarlyEdit, watchEarlyEdits } from "./earlyEdit";
import { isHeld, setHeld } from "./heldInput";
import { startWhenIdle } from "./idleStarts";
import { liveSectionsOf } from "./liveSections";

const MODIFIERS = new Set(MODIFIER_KEYS);

/** How long a section stays off screen before its editor stops (unless recently used). */
const OFF_SCREEN_MS = 4000;

type Editor = typeof LiveSectionEditor;
let loading: Promise<Editor> | undefined;
let loaded: Editor | undefined;
/** Whether a section was clicked, focused or typed into before the editor's code arrived. */
let activatedBeforeCode = false;

/** The editor's code, loaded once, after the page: the page's own JavaScript holds none of it. */
function loadEditor(): Promise<Editor> {
  loading ??= import("./LiveSectionEditor").then(
    (m) => (loaded = m.LiveSectionEditor),
    (error: unknown) => {
      loading = undefined; // a failed load (offline) is tried again by the next section
      throw error;
    },
  );
  return loading;
}

// fetched while the page starts, beside its own scripts: usually here before anyone can click
if (typeof window !== "undefined") {
  loadEditor().catch(() => {});
  // a page reached by a link within the app ran no inline script
  watchEarlyEdits();
}

/** Whether the editor's code is here; starts loading it. */
function useEditorCode(): boolean {
  const [ready, setReady] = useState(() => loaded !== undefined);
  useEffect(() => {
    if (ready) return;
    let live = true;
    const load = () =>
      loadEditor().then(
        () => live && setReady(true),
        () => {}, // the read-only text stays (keys pressed are held); tried again once back online
      );
    void load();
    window.addEventListener("online", load);
    return () => {
      live = false;
      window.removeEventListener("online", load);
    };
  }, [ready]);
  return ready;
}

/** The loaded editor (rendered only once `useEditorCode` says it is here). */
function LoadedEditor(props: Parameters<Editor>[0]) {
  const Live = loaded!;
  return <Live {...props} />;
}

export interface SectionBodyProps {
  /** the document whose images are uploaded */
  documentId: string;
  onNotice: (message: string) => void;
  /** open threads anchored in this section */
  threads: AnchoredThread[];
  onComment: (draft: Draft) => void;
  ydoc: Y.Doc;
  /** the document's awareness, section by section (other people's carets) */
  carets: SectionAwarenessHub;
  sectionKey: string;
  title: string;
  editable: boolean;
}

/**
 * One section's rich text: an editor bound to its Y.XmlFragment once the section comes near
 * the screen or is clicked, focused or typed into; its read-only text until then, with the
 * people whose caret is in it. The editor stops again once the section has been off screen
 * for OFF_SCREEN_MS, unless it has the focus, was one of the last few used or has an upload
 * in flight (liveSections.ts). A long document has editors only around where the person is.
 */
export function SectionBody(props: SectionBodyProps) {
  const { ydoc, sectionKey } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [live, setLive] = useState<{ activation: Activation | null } | null>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const sections = liveSectionsOf(ydoc);
    let near = false;
    let timer: number | undefined;
    const stopIfIdle = () => {
      timer = undefined;
      // a section holding what was typed before its editor started keeps waiting for it
      if (near || el.contains(document.activeElement) || sections.keeps(sectionKey) || isHeld(sectionKey)) return;
      setLive(null);
    };
    const later = () => {
      if (!near && timer === undefined) timer = window.setTimeout(stopIfIdle, OFF_SCREEN_MS);
    };
    const observer = new IntersectionObserver((entries) => {
      near = entries.at(-1)!.isIntersecting;
      setNear(near);
      if (near) {
        window.clearTimeout(timer);
        timer = undefined;
        // the editor's code is here: the section the reader scrolled to starts at once
        if (loaded) setLive((now) => now ?? { activation: null });
      } else later();
    }, { rootMargin: "600px 0px" });
    observer.observe(el);
    // kept for being recently used or busy, it stops once it no longer is
    const unsubscribe = sections.subscribe(later);
    return () => {
      observer.disconnect();
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [ydoc, sectionKey]);
  const ready = useEditorCode();
  // near the screen since before the editor's code arrived (as the page starts): the editor
  // starts once the code is here; when the person clicked, focused or typed into a section
  // before that, the ones near the screen start after it, at idle moments, one at a time
  // (idleStarts.ts), so that section's editor starts alone and first
  useEffect(() => {
    if (!near || !ready || live) return;
    const start = () => setLive((now) => now ?? { activation: null });
    if (activatedBeforeCode) return startWhenIdle(start);
    start();
  }, [near, ready, live]);
  // keys pressed after a click or the focus asked for the editor, while its code still loads
  const typed = useRef<HeldKey[]>([]);
  // the text's content the browser edits meanwhile, when it was pressed (earlyEdit.ts)
  const [edited, setEdited] = useState<HTMLElement | null>(null);
  // synchronous, inside the click or focus event: the editor has the focus before the next key
  const activate = (activation: Activation, press?: Press) => {
    // only the read-only text calls this, so no editor is mounted yet, even when its code has
    // just arrived (it mounts on the next render): a click's point wins over a start with none
    // (the section came near the screen) and over the focus, which keeps a point it follows
    if (!loaded) activatedBeforeCode = true;
    // no editor yet: the browser edits the pressed text meanwhile, with the caret where the
    // press landed; focused by the keyboard, the text keeps the focus and keys wait for the editor
    // (not after keys already held for the editor: the focus came first, and they are pressed there)
    const editing = !ready && press && props.editable && !typed.current.length ? beginEarlyEdit(press.text, press.target, press.x, press.y) : null;
    flushSync(() => {
      setLive((now) => (activation === "focus" && now?.activation ? now : { activation }));
      if (editing) setEdited(editing);
    });
    if (editing) setHeld(sectionKey, true);
    if (!ready && !editing) ref.current?.querySelector<HTMLElement>("[data-static-body]")?.focus();
  };
  // pressed, focused or typed into before the page's code ran (the page's inline holder kept
  // it): taken as the section is first drawn in the browser, before an event can reach it
  useLayoutEffect(() => {
    const early = takeEarlyInput(sectionKey);
    if (!early) return;
    typed.current = early.keys;
    if (early.keys.length || early.edited) setHeld(sectionKey, true);
    if (!loaded) activatedBeforeCode = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- taken from outside React, after hydration drew the same text as the server
    setLive({ activation: early.activation });
    if (early.edited) setEdited(early.edited);
  }, [sectionKey]);
  // what was typed and edited goes to the editor once
  const takeHeld = () => {
    const held = { keys: typed.current, edited };
    typed.current = [];
    setEdited(null);
    setHeld(sectionKey, false);
    return held;
  };
  // until then the page does not say "Saved"; a section left holding input is not counted
  useEffect(() => () => setHeld(sectionKey, false), [sectionKey]);
  // the section goes before its editor took over what the browser edited (the document
  // was opened again): said, with the text, rather than dropped unseen
  const say = useRef({ onNotice: props.onNotice, title: props.title });
  useEffect(() => {
    say.current = { onNotice: props.onNotice, title: props.title };
  });
  useEffect(() => {
    if (!edited) return;
    return () => {
      const edit = window.specwrightEarlyEdits?.get(edited);
      const pasted = typed.current.find((held) => held.paste)?.paste;
      if (!edit || (edited.innerHTML === edit.before && !pasted)) return;
      window.specwrightEarlyEdits?.delete(edited);
      const lost = `${edited.textContent ?? ""}${pasted ? ` ${pasted.text}` : ""}`.trim().slice(0, 200);
      say.current.onNotice(`What you ${pasted ? "typed and pasted" : "typed"} in “${say.current.title}” before its editor had started could not be kept: “${lost}”.`);
    };
  }, [edited]);
  // the editor's code is here: a section holding input starts its editor wherever it is
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the code arrived (outside React)
    if (ready && edited && !live) setLive({ activation: null });
  }, [ready, edited, live]);
  const hold = (e: KeyboardEvent) => {
    // a key the page's inline holder already kept (React may hand it on once hydrated) is not held twice
    if (ready || !live?.activation || e.defaultPrevented || heldEarly(e.nativeEvent) || e.nativeEvent.isComposing || MODIFIERS.has(e.key) || e.key === "Tab" || isPasteKey(e)) return; // a paste's keys: its paste event is held (holdPaste)
    typed.current.push({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, shiftKey: e.shiftKey });
    setHeld(sectionKey, true);
    // in a text the browser edits, the key does what it does there (and is pressed again only
    // when that edit cannot be handed over); after a paste, which only the editor makes, it waits
    if (edited && !holdsPaste(typed.current)) keepTypingInEarlyEdit(edited);
    else e.preventDefault();
  };
  // a paste is kept in its place among the keys: the editor pastes it once it starts
  const holdPaste = (e: ClipboardEvent) => {
    if (ready || !live?.activation || !props.editable || e.defaultPrevented) return;
    e.preventDefault();
    const paste = heldPaste(e.clipboardData);
    if (!paste) return;
    typed.current.push(paste);
    setHeld(sectionKey, true);
    ref.current?.querySelector("[data-static-body] > .sw-prose")?.setAttribute("data-paste-pending", "");
  };
  // after such a paste the caret stays where it was pasted, in the text the browser edits: the editor pastes there
  const keepPastePoint = (e: MouseEvent) => {
    if (!ready && edited && holdsPaste(typed.current) && e.target instanceof Node && edited.contains(e.target)) {
      e.preventDefault();
      keepTypingInEarlyEdit(edited);
    }
  };
  return (
    <div ref={ref} onKeyDown={hold} onPaste={holdPaste} onMouseDownCapture={keepPastePoint}>
      {live && ready ? <LoadedEditor {...props} activation={live.activation} takeHeld={takeHeld} /> : <SectionText ydoc={ydoc} carets={props.carets} sectionKey={sectionKey} title={props.title} editable={props.editable} editing={edited !== null} onActivate={activate} />}
    </div>
  );
}
