"use client";

import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type * as Y from "yjs";
import type { SectionAwarenessHub } from "@/lib/collab/sectionAwareness";
import type { UploadStatus } from "./imageUpload";
import { SectionEditor, type SlashState } from "./sectionEditor";
import { filterSlashItems, SlashMenu } from "./SlashMenu";
import { LinkForm } from "./LinkForm";
import { selectionAnchor } from "./comments/anchors";
import type { AnchoredThread } from "./comments/CommentHighlights";
import type { Draft } from "./comments/SectionComments";
import { SectionText, type Activation } from "./SectionText";
import { liveSectionsOf } from "./liveSections";
import { PartBoundary } from "../ui/PartBoundary";
import { ON_HOVER } from "./onHover";

/** How long a section stays off screen before its editor stops (unless recently used). */
const OFF_SCREEN_MS = 4000;

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
  const live = liveSectionsOf(ydoc);
  // an image still uploading is inserted by this editor: it stays until then
  useEffect(() => live.setBusy(sectionKey, upload !== null), [live, sectionKey, upload]);
  useEffect(() => () => live.setBusy(sectionKey, false), [live, sectionKey]);
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
      onFocus={() => {
        setFocused(true);
        live.used(sectionKey);
      }}
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
          className={`shrink-0 rounded px-2 py-1 text-xs font-medium text-amber-800 hover:bg-amber-50 ${ON_HOVER}`}
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
 * One section's rich text: an editor bound to its Y.XmlFragment once the section comes near
 * the screen or is clicked, focused or typed into; its read-only text until then, with the
 * people whose caret is in it. The editor stops again once the section has been off screen
 * for OFF_SCREEN_MS, unless it has the focus, was one of the last few used or has an upload
 * in flight (liveSections.ts). A long document has editors only around where the person is.
 */
export function SectionBody(props: Props) {
  const { ydoc, sectionKey } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [live, setLive] = useState<{ activation: Activation | null } | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const sections = liveSectionsOf(ydoc);
    let near = false;
    let timer: number | undefined;
    const stopIfIdle = () => {
      timer = undefined;
      if (near || el.contains(document.activeElement) || sections.keeps(sectionKey)) return;
      setLive(null);
    };
    const later = () => {
      if (!near && timer === undefined) timer = window.setTimeout(stopIfIdle, OFF_SCREEN_MS);
    };
    const observer = new IntersectionObserver((entries) => {
      near = entries.at(-1)!.isIntersecting;
      if (near) {
        window.clearTimeout(timer);
        timer = undefined;
        setLive((now) => now ?? { activation: null });
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
  // synchronous, inside the click or focus event: the editor has the focus before the next key
  const activate = (activation: Activation) => flushSync(() => setLive((now) => now ?? { activation }));
  return (
    <div ref={ref}>
      {live ? <Editor {...props} activation={live.activation} /> : <SectionText ydoc={ydoc} carets={props.carets} sectionKey={sectionKey} title={props.title} editable={props.editable} onActivate={activate} />}
    </div>
  );
}
