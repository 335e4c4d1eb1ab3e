"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, ReactNodeViewRenderer, useEditor, type Editor as TiptapEditor } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { bodyName } from "@/lib/collab/ydoc";
import { documentExtensions, Mermaid } from "@/lib/editor/extensions";
import { isSafeHref } from "@/lib/editor/schema";
import { MermaidView } from "./mermaid/MermaidView";
import { filterSlashItems, SlashMenu, type SlashItem } from "./SlashMenu";
import { Toolbar } from "./Toolbar";
import { selectionAnchor } from "./comments/anchors";
import { CommentHighlights, type AnchoredThread } from "./comments/CommentHighlights";
import type { Draft } from "./comments/SectionComments";

/** Larger pastes are refused (the document as a whole is limited to 5 MB of Yjs state). */
const MAX_PASTE_CHARS = 1_000_000;

interface Props {
  onNotice: (message: string) => void;
  /** open threads anchored in this section */
  threads: AnchoredThread[];
  onComment: (draft: Draft) => void;
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
  sectionKey: string;
  title: string;
  editable: boolean;
  user: { name: string; color: string };
}

const MermaidWithPreview = Mermaid.extend({
  addNodeView() {
    return ReactNodeViewRenderer(MermaidView);
  },
});

const clientExtensions = () => documentExtensions({ collaborative: true }).map((e) => (e.name === "mermaid" ? MermaidWithPreview : e));

interface SlashState {
  from: number;
  query: string;
  active: number;
  position: { left: number; top: number };
}

/** The "/" command typed just before the caret, if any. */
function slashAt(editor: TiptapEditor): Omit<SlashState, "active"> | null {
  const { $from, empty } = editor.state.selection;
  if (!empty || !$from.parent.isTextblock || $from.parent.type.name === "codeBlock") return null;
  const before = $from.parent.textBetween(0, $from.parentOffset, undefined, "\ufffc");
  const match = /(?:^|\s)\/([\w ]{0,20})$/.exec(before);
  if (!match) return null;
  const coords = editor.view.coordsAtPos($from.pos);
  return { from: $from.pos - match[1]!.length - 1, query: match[1]!, position: { left: coords.left, top: coords.bottom + 4 } };
}

function Editor({ ydoc, provider, sectionKey, title, editable, user, onNotice, threads, onComment }: Props) {
  const editorRef = useRef<TiptapEditor | null>(null);
  const threadsRef = useRef<AnchoredThread[]>(threads);
  const [slash, setSlash] = useState<SlashState | null>(null);
  const slashRef = useRef<SlashState | null>(null);
  const updateSlash = (next: SlashState | null) => {
    slashRef.current = next;
    setSlash(next);
  };
  const pick = (item: SlashItem) => {
    const editor = editorRef.current;
    const current = slashRef.current;
    if (!editor || !current) return;
    editor.chain().focus().deleteRange({ from: current.from, to: editor.state.selection.from }).run();
    item.run(editor);
    updateSlash(null);
  };
  const editor = useEditor({
    immediatelyRender: false,
    editable,
    extensions: [
      ...clientExtensions(),
      Collaboration.configure({ document: ydoc, field: bodyName(sectionKey) }),
      CollaborationCaret.configure({ provider, user }),
      // read when ProseMirror draws decorations, never during React's render
      // eslint-disable-next-line react-hooks/refs
      CommentHighlights.configure({ ydoc, threads: () => threadsRef.current }),
    ],
    onTransaction: ({ editor: e }) => {
      if (!editable) return;
      const found = slashAt(e);
      const open = slashRef.current;
      if (!found) {
        if (open) updateSlash(null);
      } else if (!open || open.from !== found.from || open.query !== found.query) {
        updateSlash({ ...found, active: 0 });
      }
    },
    editorProps: {
      handlePaste: (_view, event) => {
        const data = event.clipboardData;
        const size = (data?.getData("text/html").length ?? 0) + (data?.getData("text/plain").length ?? 0);
        if (size <= MAX_PASTE_CHARS) return false;
        onNotice(`That paste is too large (${Math.round(size / 1000)} k characters; the limit is ${MAX_PASTE_CHARS / 1000} k). Nothing was pasted.`);
        return true;
      },
      handleKeyDown: (_view, event) => {
        const open = slashRef.current;
        if (open) {
          const items = filterSlashItems(open.query);
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            const step = event.key === "ArrowDown" ? 1 : -1;
            updateSlash({ ...open, active: (open.active + step + items.length) % Math.max(items.length, 1) });
            return true;
          }
          if (event.key === "Enter" && items[open.active]) {
            pick(items[open.active]!);
            return true;
          }
          if (event.key === "Escape") {
            updateSlash(null);
            return true;
          }
        }
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k" && editable) {
          event.preventDefault();
          const href = window.prompt("Link address (https://…)");
          if (href === null) return true;
          const chain = editorRef.current?.chain().focus().extendMarkRange("link");
          if (!href.trim()) chain?.unsetLink().run();
          else if (isSafeHref(href.trim())) chain?.setLink({ href: href.trim() }).run();
          else onNotice("Links must start with http://, https:// or mailto:.");
          return true;
        }
        return false;
      },
      attributes: {
        "aria-label": `${title} body`,
        role: "textbox",
        "aria-multiline": "true",
        class: "sw-prose min-h-16 rounded-md px-1 py-1 focus:outline-none focus:ring-2 focus:ring-indigo-200",
      },
    },
  });
  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);
  useEffect(() => {
    threadsRef.current = threads;
    // redraw the highlights for the new set of threads
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta("commentsChanged", true));
  }, [threads, editor]);
  if (!editor) return <div className="min-h-16" aria-busy="true" />;
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-2">
        <div className="flex-1">{editable ? <Toolbar editor={editor} label={title} /> : null}</div>
        <button
          type="button"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onComment(selectionAnchor(editor) ?? { quote: "" })}
          className="shrink-0 rounded px-2 py-1 text-xs font-medium text-amber-800 hover:bg-amber-50"
          aria-label={`Comment on ${title}`}
          title="Comment on the selected text, or on the section"
        >
          Comment
        </button>
      </div>
      <EditorContent editor={editor} />
      {slash ? <SlashMenu items={filterSlashItems(slash.query)} active={slash.active} position={slash.position} onPick={pick} /> : null}
    </div>
  );
}

/**
 * Editors waiting to be mounted, started one per idle slice so the page stays responsive
 * while a long document becomes editable from the top down.
 */
const waiting: (() => void)[] = [];
let draining = false;

function drain(): void {
  const next = waiting.shift();
  if (!next) {
    draining = false;
    return;
  }
  next();
  if (typeof requestIdleCallback === "function") requestIdleCallback(drain, { timeout: 50 });
  else setTimeout(drain, 0);
}

function mountSoon(mount: () => void): () => void {
  waiting.push(mount);
  if (!draining) {
    draining = true;
    setTimeout(drain, 0);
  }
  return () => {
    const i = waiting.indexOf(mount);
    if (i >= 0) waiting.splice(i, 1);
  };
}

/**
 * One section's rich-text editor, bound to its Y.XmlFragment. Sections near the viewport
 * mount at once; the rest mount one per idle slice, so a 60-section document does not
 * start 60 editors in one long task.
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
