"use client";

import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from "react";
import { flushSync } from "react-dom";
import type * as Y from "yjs";
import { bodyName } from "@/lib/collab/ydoc";
import type { PMNode } from "@/lib/editor/schema";
import type { SectionAwarenessHub } from "@/lib/collab/sectionAwareness";
import type { UploadStatus } from "./imageUpload";
import { SectionEditor, type SlashState } from "./sectionEditor";
import { filterSlashItems, SlashMenu } from "./SlashMenu";
import { LinkForm } from "./LinkForm";
import { selectionAnchor } from "./comments/anchors";
import type { AnchoredThread } from "./comments/CommentHighlights";
import type { Draft } from "./comments/SectionComments";
import { RichText } from "../documents/RichText";
import { PartBoundary } from "../ui/PartBoundary";

// loaded the first time a section gets the focus
const Toolbar = lazy(() => import("./Toolbar").then((m) => ({ default: m.Toolbar })));

interface Props {
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

function Editor({ documentId, ydoc, carets, sectionKey, title, editable, onNotice, threads, onComment, activation }: Props & { activation: Activation | null }) {
  const [slash, setSlash] = useState<SlashState | null>(null);
  const [upload, setUpload] = useState<UploadStatus | null>(null);
  const [linkHref, setLinkHref] = useState<string | null>(null);
  // created during the first render, so sections that come into view together mount in one pass
  const create = () => new SectionEditor({ documentId, ydoc, carets, sectionKey, title, editable, threads, onNotice, onSlash: setSlash, onUpload: setUpload, onLinkForm: setLinkHref });
  const [section, setSection] = useState(create);
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (!section.isDestroyed) {
      section.mount(host.current!);
      // asked for by a click or the focus: the caret goes where the person meant
      if (activation === "focus") section.focus();
      else if (activation) {
        const box = host.current!.firstElementChild!.getBoundingClientRect();
        section.focusAt({ x: box.left + activation.x, y: box.top + activation.y });
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
  // the formatting toolbar is drawn while the focus is in this section's body or its
  // toolbar: a page of 60 sections would otherwise build and lay out 780 buttons
  const [focused, setFocused] = useState(false);
  return (
    <div
      className="space-y-1"
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <div className="flex min-h-7 items-start gap-2">
        <div className="flex-1">
          {editable && focused ? (
            <PartBoundary>
              <Suspense fallback={null}>
                <Toolbar editor={section} label={title} />
              </Suspense>
            </PartBoundary>
          ) : null}
        </div>
        <button
          type="button"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onComment(selectionAnchor(section.state) ?? { quote: "" })}
          className="shrink-0 rounded px-2 py-1 text-xs font-medium text-amber-800 hover:bg-amber-50"
          aria-label={`Comment on ${title}`}
          title="Comment on the selected text, or on the section"
        >
          Comment
        </button>
      </div>
      <div ref={host} />
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
      {slash ? <SlashMenu items={filterSlashItems(slash.query)} active={slash.active} position={slash.position} onPick={(item) => section.pick(item)} /> : null}
    </div>
  );
}

/**
 * Where the person asked for a section's editor: a click's point, relative to the text's box
 * (the caret goes there), or the focus (caret at the start).
 */
type Activation = { x: number; y: number } | "focus";

/**
 * A section's text, read-only, from the shared document, while it has no editor: the reader
 * sees it at once, a change someone makes meanwhile shows in the same frame, and a click,
 * the focus or a key starts the editor (see SectionBody).
 */
function SectionText({ ydoc, carets, sectionKey, title, editable, onActivate }: { ydoc: Y.Doc; carets: SectionAwarenessHub; sectionKey: string; title: string; editable: boolean; onActivate: (how: Activation) => void }) {
  const [store] = useState(() => {
    const fragment = ydoc.getXmlFragment(bodyName(sectionKey));
    let json: PMNode | null = null;
    const read = (): PMNode => {
      try {
        json ??= fragment.length ? (yXmlFragmentToProsemirrorJSON(fragment) as PMNode) : { type: "doc" };
      } catch {
        json = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: fragment.toString() }] }] };
      }
      return json;
    };
    const subscribe = (changed: () => void) => {
      const observer = () => {
        json = null;
        changed();
      };
      fragment.observeDeep(observer);
      return () => fragment.unobserveDeep(observer);
    };
    return { read, subscribe };
  });
  const doc = useSyncExternalStore(store.subscribe, store.read, store.read);
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
        tabIndex={0}
        data-static-body=""
        className="sw-prose min-h-16 rounded-md px-1 py-1 focus:outline-none"
        onMouseDown={(e) => {
          if (e.button !== 0) return;
          e.preventDefault();
          const box = e.currentTarget.getBoundingClientRect();
          onActivate({ x: e.clientX - box.left, y: e.clientY - box.top });
        }}
        onFocus={() => onActivate("focus")}
      >
        {/* the editor's type and spacing: the text stays put when the editor takes over */}
        <RichText doc={doc} className="whitespace-pre-wrap break-words" />
      </div>
    </div>
  );
}

const COLOR = /^#[0-9a-fA-F]{6}$/;
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
          return { id, name: typeof user.name === "string" ? user.name : "Someone", color: typeof user.color === "string" && COLOR.test(user.color) ? user.color : "#64748b" };
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

/**
 * One section's rich text: an editor bound to its Y.XmlFragment once the section comes near
 * the screen or is clicked, focused or typed into; its read-only text until then, with the
 * people whose caret is in it. A long document starts editors only for what the person
 * reaches, not for every section.
 */
export function SectionBody(props: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [live, setLive] = useState<{ activation: Activation | null } | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setLive((now) => now ?? { activation: null });
        observer.disconnect();
      }
    }, { rootMargin: "600px 0px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // synchronous, inside the click or focus event: the editor has the focus before the next key
  const activate = (activation: Activation) => flushSync(() => setLive((now) => now ?? { activation }));
  return (
    <div ref={ref}>
      {live ? <Editor {...props} activation={live.activation} /> : <SectionText ydoc={props.ydoc} carets={props.carets} sectionKey={props.sectionKey} title={props.title} editable={props.editable} onActivate={activate} />}
    </div>
  );
}
