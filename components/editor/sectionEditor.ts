import Collaboration from "@tiptap/extension-collaboration";
import { Editor } from "@tiptap/core";
import type * as Y from "yjs";
import type { SectionAwarenessHub } from "@/lib/collab/sectionAwareness";
import { bodyName } from "@/lib/collab/ydoc";
import { documentExtensions, Mermaid } from "@/lib/editor/extensions";
import { isSafeHref } from "@/lib/editor/schema";
import { SectionCarets } from "./carets";
import { CommentHighlights, type AnchoredThread } from "./comments/CommentHighlights";
import { mermaidNodeView } from "./mermaid/mermaidNodeView";
import { filterSlashItems, type SlashItem } from "./SlashMenu";

/** Larger pastes are refused (the document as a whole is limited to 5 MB of Yjs state). */
const MAX_PASTE_CHARS = 1_000_000;

export interface SlashState {
  from: number;
  query: string;
  active: number;
  position: { left: number; top: number };
}

const MermaidWithPreview = Mermaid.extend({
  addNodeView() {
    return mermaidNodeView;
  },
});

/** Extensions every section editor shares; only the Y.Doc binding, carets and highlights differ. */
const SHARED_EXTENSIONS = documentExtensions().map((e) => (e.name === "mermaid" ? MermaidWithPreview : e));

/** The "/" command typed just before the caret, if any. */
function slashAt(editor: Editor): Omit<SlashState, "active"> | null {
  const { $from, empty } = editor.state.selection;
  if (!empty || !$from.parent.isTextblock || $from.parent.type.name === "codeBlock") return null;
  const before = $from.parent.textBetween(0, $from.parentOffset, undefined, "\ufffc");
  const match = /(?:^|\s)\/([\w ]{0,20})$/.exec(before);
  if (!match) return null;
  const coords = editor.view.coordsAtPos($from.pos);
  return { from: $from.pos - match[1]!.length - 1, query: match[1]!, position: { left: coords.left, top: coords.bottom + 4 } };
}

interface Options {
  ydoc: Y.Doc;
  carets: SectionAwarenessHub;
  sectionKey: string;
  title: string;
  editable: boolean;
  /** open threads anchored in this section */
  threads: AnchoredThread[];
  /** shows a message to the user (a refused paste, a bad link) */
  onNotice: (message: string) => void;
  /** the slash menu opened, moved or closed */
  onSlash: (state: SlashState | null) => void;
}

/**
 * One section's tiptap editor and the behaviour around it (slash menu, Ctrl/Cmd+K,
 * paste limit, comment highlights), outside React: it is configured once and never
 * reconfigured — tiptap's setOptions rebuilds node views and runs every plugin view,
 * which a page of 60 editors would pay on every re-render. Later changes (title,
 * editable, threads) are applied through the setters below.
 */
export class SectionEditor {
  readonly editor: Editor;
  private title: string;
  private threads: AnchoredThread[] = [];
  private slash: SlashState | null = null;
  private destroyed = false;

  constructor(private readonly options: Options) {
    this.title = options.title;
    this.threads = options.threads;
    this.editor = new Editor({
      // mounted by mount(), straight into the page: no detached first render to move
      element: null,
      editable: options.editable,
      extensions: [
        ...SHARED_EXTENSIONS,
        Collaboration.configure({ document: options.ydoc, field: bodyName(options.sectionKey) }),
        SectionCarets.configure({ awareness: options.carets.forSection(options.sectionKey) }),
        CommentHighlights.configure({ ydoc: options.ydoc, threads: () => this.threads }),
      ],
      // also called while the constructor runs (the first sync), before `this.editor` is set
      onTransaction: ({ editor }) => this.followSlash(editor),
      editorProps: {
        handlePaste: (_view, event) => this.refuseLargePaste(event),
        handleKeyDown: (_view, event) => this.keyDown(event),
        attributes: this.attributes(),
      },
    });
  }

  /** Creates the editor's view inside `host` (once). */
  mount(host: HTMLElement): void {
    if (this.destroyed || host.firstChild) return;
    this.editor.mount(host);
  }

  setTitle(title: string): void {
    if (title === this.title) return;
    this.title = title;
    if (!this.editor.isDestroyed) this.editor.view.setProps({ attributes: this.attributes() });
  }

  /** The editable element's attributes (its accessible name follows the section title). */
  private attributes(): Record<string, string> {
    return {
      "aria-label": `${this.title} body`,
      role: "textbox",
      "aria-multiline": "true",
      class: "sw-prose min-h-16 rounded-md px-1 py-1 focus:outline-none focus:ring-2 focus:ring-indigo-200",
    };
  }

  setEditable(editable: boolean): void {
    if (!this.destroyed && this.editor.options.editable !== editable) this.editor.setEditable(editable);
  }

  /** The open threads anchored in this section; their passages are redrawn. */
  setThreads(threads: AnchoredThread[]): void {
    if (threads === this.threads) return;
    this.threads = threads;
    if (!this.editor.isDestroyed) this.editor.view.dispatch(this.editor.state.tr.setMeta("commentsChanged", true));
  }

  /** Runs a slash-menu item in place of the typed "/command". */
  pick(item: SlashItem): void {
    const open = this.slash;
    if (!open) return;
    this.editor.chain().focus().deleteRange({ from: open.from, to: this.editor.state.selection.from }).run();
    item.run(this.editor);
    this.setSlash(null);
  }

  destroy(): void {
    this.destroyed = true;
    this.editor.destroy();
  }

  /** (tiptap's own isDestroyed is also true before the view is mounted) */
  get isDestroyed(): boolean {
    return this.destroyed;
  }

  private setSlash(next: SlashState | null): void {
    this.slash = next;
    this.options.onSlash(next);
  }

  private followSlash(editor: Editor): void {
    if (!editor.isEditable) return;
    const found = slashAt(editor);
    const open = this.slash;
    if (!found) {
      if (open) this.setSlash(null);
    } else if (!open || open.from !== found.from || open.query !== found.query) {
      this.setSlash({ ...found, active: 0 });
    }
  }

  private refuseLargePaste(event: ClipboardEvent): boolean {
    const data = event.clipboardData;
    const size = (data?.getData("text/html").length ?? 0) + (data?.getData("text/plain").length ?? 0);
    if (size <= MAX_PASTE_CHARS) return false;
    this.options.onNotice(`That paste is too large (${Math.round(size / 1000)} k characters; the limit is ${MAX_PASTE_CHARS / 1000} k). Nothing was pasted.`);
    return true;
  }

  private keyDown(event: KeyboardEvent): boolean {
    const open = this.slash;
    if (open) {
      const items = filterSlashItems(open.query);
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        const step = event.key === "ArrowDown" ? 1 : -1;
        this.setSlash({ ...open, active: (open.active + step + items.length) % Math.max(items.length, 1) });
        return true;
      }
      if (event.key === "Enter" && items[open.active]) {
        this.pick(items[open.active]!);
        return true;
      }
      if (event.key === "Escape") {
        this.setSlash(null);
        return true;
      }
    }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k" && this.editor.isEditable) {
      event.preventDefault();
      const href = window.prompt("Link address (https://…)");
      if (href === null) return true;
      const chain = this.editor.chain().focus().extendMarkRange("link");
      if (!href.trim()) chain.unsetLink().run();
      else if (isSafeHref(href.trim())) chain.setLink({ href: href.trim() }).run();
      else this.options.onNotice("Links must start with http://, https:// or mailto:.");
      return true;
    }
    return false;
  }
}
