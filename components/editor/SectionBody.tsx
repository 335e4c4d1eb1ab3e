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

function Editor({ documentId, ydoc, carets, sectionKey, title, editable, onNotice, threads, onComment }: Props) {
  const [slash, setSlash] = useState<SlashState | null>(null);
  const [upload, setUpload] = useState<UploadStatus | null>(null);
  const [linkHref, setLinkHref] = useState<string | null>(null);
  // created during the first render, so a batch of sections mounts in one synchronous
  // pass (see mountSoon)
  const create = () => new SectionEditor({ documentId, ydoc, carets, sectionKey, title, editable, threads, onNotice, onSlash: setSlash, onUpload: setUpload, onLinkForm: setLinkHref });
  const [section, setSection] = useState(create);
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (!section.isDestroyed) {
      section.mount(host.current!);
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
 * Editors waiting to be mounted, top of the document first. Each slice mounts as many as
 * fit in SLICE_MS, then yields a macrotask: input and painting get their turn between
 * slices (no task is much longer than a long-task's 50 ms), and the browser lays out
 * once per slice rather than once per editor. Within a slice, editors are rendered in
 * synchronous batches (one React commit each): the first batch is one editor, which
 * tells how many more fit in the time left. Not idle callbacks: those come only in the
 * gaps between frames, which left the main thread waiting while editors were due.
 */
const waiting: (() => void)[] = [];
let scheduled = false;
const SLICE_MS = 40;
const channel = typeof MessageChannel === "function" ? new MessageChannel() : null;

function drain(): void {
  const until = performance.now() + SLICE_MS;
  let batch = 1;
  while (waiting.length && performance.now() < until) {
    const started = performance.now();
    const shows = waiting.splice(0, batch);
    flushSync(() => shows.forEach((show) => show()));
    const now = performance.now();
    batch = Math.max(1, Math.floor((until - now) / Math.max((now - started) / shows.length, 0.5)));
  }
  if (waiting.length) schedule();
  else scheduled = false;
}

function schedule(): void {
  scheduled = true;
  if (channel) channel.port2.postMessage(null);
  else setTimeout(drain, 0);
}

if (channel) channel.port1.onmessage = drain;

/** Calls `show` (which renders an editor) in a coming slice; returns the cancel. */
function mountSoon(show: () => void): () => void {
  waiting.push(show);
  if (!scheduled) schedule();
  return () => {
    const i = waiting.indexOf(show);
    if (i >= 0) waiting.splice(i, 1);
  };
}

/**
 * One section's rich-text editor, bound to its Y.XmlFragment. Sections near the viewport
 * mount at once; the rest mount in idle slices, so a 60-section document does not start
 * 60 editors in one long task.
 */
export function SectionBody(props: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const show = () => setVisible(true);
    const cancel = mountSoon(show);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        cancel();
        show();
        observer.disconnect();
      }
    }, { rootMargin: "600px 0px" });
    observer.observe(el);
    return () => {
      cancel();
      observer.disconnect();
    };
  }, []);
  return <div ref={ref}>{visible ? <Editor {...props} /> : <div className="min-h-16" />}</div>;
}
