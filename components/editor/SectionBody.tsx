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
import { Toolbar } from "./Toolbar";

/** Larger pastes are refused (the document as a whole is limited to 5 MB of Yjs state). */
const MAX_PASTE_CHARS = 1_000_000;

interface Props {
  onNotice: (message: string) => void;
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

function Editor({ ydoc, provider, sectionKey, title, editable, user, onNotice }: Props) {
  const editorRef = useRef<TiptapEditor | null>(null);
  const editor = useEditor({
    immediatelyRender: false,
    editable,
    extensions: [
      ...clientExtensions(),
      Collaboration.configure({ document: ydoc, field: bodyName(sectionKey) }),
      CollaborationCaret.configure({ provider, user }),
    ],
    editorProps: {
      handlePaste: (_view, event) => {
        const data = event.clipboardData;
        const size = (data?.getData("text/html").length ?? 0) + (data?.getData("text/plain").length ?? 0);
        if (size <= MAX_PASTE_CHARS) return false;
        onNotice(`That paste is too large (${Math.round(size / 1000)} k characters; the limit is ${MAX_PASTE_CHARS / 1000} k). Nothing was pasted.`);
        return true;
      },
      handleKeyDown: (view, event) => {
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
  if (!editor) return <div className="min-h-16" aria-busy="true" />;
  return (
    <div className="space-y-1">
      {editable ? <Toolbar editor={editor} label={title} /> : null}
      <EditorContent editor={editor} />
    </div>
  );
}

/**
 * One section's rich-text editor, bound to its Y.XmlFragment. Mounted when the section
 * scrolls near the viewport, so a 60-section document does not start 60 editors at once.
 */
export function SectionBody(props: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setVisible(true);
        observer.disconnect();
      }
    }, { rootMargin: "600px 0px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return <div ref={ref}>{visible ? <Editor {...props} /> : <div className="min-h-16" />}</div>;
}
