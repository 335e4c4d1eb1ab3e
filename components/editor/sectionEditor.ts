import { applySuggestion, applySuggestions, revertSuggestion, revertSuggestions, selectSuggestion } from "@handlewithcare/prosemirror-suggest-changes";
import { Editor } from "@tiptap/core";
import { Collaboration } from "@tiptap/extension-collaboration";
import { EditorState, NodeSelection, TextSelection, type Command, type Plugin, type Transaction } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import type * as Y from "yjs";
import type { SectionAwarenessHub } from "@/lib/collab/sectionAwareness";
import { bodyName } from "@/lib/collab/ydoc";
import { codeHighlight } from "@/lib/editor/codeHighlightPlugin";
import { emptyBodyHint } from "@/lib/editor/emptyBody";
import { emptyBodyPlaceholder } from "@/lib/editor/emptyBodyPlugin";
import { linkHrefAt } from "@/lib/editor/link";
import { documentSchema } from "@/lib/editor/documentSchema";
import type { Proposal } from "@/lib/suggestions/proposal";
import { EDITING_OPTIONS } from "@/lib/editor/editing";
import { suggestionAuthor } from "@/lib/suggestions/ids";
import { isSafeHref } from "@/lib/util/safeUrl";
import { sectionCarets } from "./carets";
import { isCharacter, type HeldKey, type HeldPaste } from "./heldKeys";
import { earlyEditTransaction } from "./earlyEditHandover";
import { sectionTextHtml } from "../documents/sectionTextHtml";
import { catchUpSelection } from "./domSelection";
import { commentHighlights, type AnchoredThread } from "./comments/CommentHighlights";
import { imageFiles, pickImageFiles, uploadImageFile, type UploadStatus } from "./imageUpload";
import { isMarkdownPaste, pasteMarkdown } from "./markdownPaste";
import type { NodeViewHost } from "./nodeViewHost";
import { filterSlashItems, type SlashItem } from "./SlashMenu";
import { sectionExtensions } from "./sectionExtensions";
import { sectionCommands, type EditorCommands, type SectionActions } from "./sectionCommands";
import { menuSuggestion, type SlashMatch, type SuggestionKind } from "./menuSuggestion";
import { mentionItems, type Mentionable } from "./mentionItems";
import { referenceItems, type References } from "./referenceItems";
import { suggestingExtension, suggestionIdsIn } from "./suggesting";

/** Larger pastes are refused (the document as a whole is limited to 5 MB of Yjs state). */
const MAX_PASTE_CHARS = 1_000_000;

/** The open "/" or "@" menu: what was typed (`menuSuggestion.ts`) and which item is chosen. */
export interface SlashState extends SlashMatch {
  active: number;
}


interface Options {
  /** the document whose images are uploaded */
  documentId: string;
  ydoc: Y.Doc;
  carets: SectionAwarenessHub;
  sectionKey: string;
  title: string;
  editable: boolean;
  /** open threads anchored in this section */
  threads: AnchoredThread[];
  /** shows a message to the user (a refused paste, a bad link) */
  onNotice: (message: string) => void;
  /** the "/" or "@" menu opened, moved or closed */
  onSlash: (state: SlashState | null) => void;
  /** the workspace's members, whom "@" offers to mention */
  members: Mentionable[];
  /** the workspace's documents, which "[[" and "#" offer to link to */
  references: References;
  /** an image upload started, progressed or ended (null) */
  onUpload: (status: UploadStatus | null) => void;
  /** A Markdown paste waits for its converter's code (true) or is in (false) */
  onPasting?: (pending: boolean) => void;
  /** the link form opened for the selection (with the address of the link there, or "") */
  onLinkForm: (href: string) => void;
  /** the person's user id while they are suggesting (suggesting.ts), else null */
  suggestingAs: () => string | null;
  /** a change proposed while suggesting (a diagram's source, a block's kind or layout): a comment carrying it is started */
  onPropose: (proposal: Proposal) => void;
}

/**
 * One section's ProseMirror editor, bound to the section's Y.XmlFragment, and the
 * behaviour around it (slash menu, link form, paste limit, Markdown paste, comment
 * highlights), outside React. The view is created once, by mount(); later changes (title, editable, threads)
 * go through the setters. Listeners hear of every transaction, focus and blur.
 */
export class SectionEditor implements NodeViewHost, SectionActions {
  private editor: Editor | null = null;
  private view: EditorView | null = null;
  private title: string;
  private editable: boolean;
  private threads: AnchoredThread[];
  private members: Mentionable[];
  private references: References;
  private slash: SlashState | null = null;
  private destroyed = false;
  /** a paste on its way in (Markdown's converter loading, images uploading), until it is inserted */
  private pasting: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: Options) {
    this.title = options.title;
    this.editable = options.editable;
    this.threads = options.threads;
    this.members = options.members;
    this.references = options.references;
  }

  /** Creates the editor inside `host` (once); the section's text is drawn from the Y.Doc. */
  mount(host: HTMLElement): void {
    if (this.destroyed || this.view) return;
    const { ydoc, sectionKey, carets } = this.options;
    const plugins = (): Plugin[] => [
      commentHighlights(ydoc, () => this.threads),
      emptyBodyPlaceholder(() => emptyBodyHint(this.editable)),
      codeHighlight(),
    ];
    const editor = new Editor({
      element: host,
      extensions: [
        // the section's text is its Y.XmlFragment; undo and redo (Mod-z, Mod-y, Mod-Shift-z) are the person's own changes
        Collaboration.configure({ fragment: ydoc.getXmlFragment(bodyName(sectionKey)) }),
        sectionCarets(carets.forSection(sectionKey)),
        ...sectionExtensions(this, plugins),
        sectionCommands(this),
        suggestingExtension(this.options.suggestingAs, { onRefused: (message) => this.options.onNotice(message), onProposeBlock: (before, after) => this.options.onPropose({ kind: "block", before, after }) }),
        ...(["block", "mention", "reference", "hashReference"] as const).map((kind) => menuSuggestion(kind, { onMatch: (match) => this.followSlash(kind, match), onKey: (key) => this.slashKey(key) })),
      ],
      editable: this.editable,
      injectCSS: false,
      ...EDITING_OPTIONS,
      editorProps: this.editorProps(),
    });
    this.editor = editor;
    this.view = editor.view;
    editor.on("transaction", () => this.notify());
    this.notify();
  }

  /** What the editor's view is given: its attributes and the handling of paste, drop, keys and focus. */
  private editorProps() {
    return {
      attributes: this.attributes(),
      handlePaste: (view: EditorView, event: ClipboardEvent) => this.pasteImages(view, event) || this.refuseLargePaste(event) || this.convertMarkdown(view, event),
      handleDrop: (view: EditorView, event: DragEvent, _slice: unknown, moved: boolean) => !moved && this.dropImages(view, event),
      handleKeyDown: () => this.keyDown(),
      handleDOMEvents: {
        focus: () => this.notify(),
        blur: () => this.notify(),
      },
    };
  }

  /** Opens the file picker; the images chosen are uploaded and inserted at the caret. */
  pickImages(): void {
    pickImageFiles((files) => void this.insertImages(files));
  }

  /** Opens the link form for the selection. */
  openLinkForm(): void {
    if (this.view && this.editable) this.options.onLinkForm(linkHrefAt(this.view.state));
  }

  /**
   * Links the selection (or changes or removes, with "", the link at the caret) from the link
   * form; returns why it could not, or null when done.
   */
  applyLink(href: string): string | null {
    if (href.trim() && !isSafeHref(href.trim())) return "Links must start with http://, https:// or mailto:.";
    if (!this.view || !this.editable) return "This section cannot be edited now.";
    if (!this.run((c) => c.applyLink(href)) && href.trim()) return "A link cannot go here.";
    return null;
  }

  isSuggesting(): boolean {
    return this.options.suggestingAs() !== null;
  }

  proposeDiagram(before: string, after: string): void {
    this.options.onPropose({ kind: "diagram", before, after });
  }

  /** Gives the text the focus back (after the link form closes). */
  focus(): void {
    this.view?.focus();
  }

  /**
   * Takes over the text the browser edited before the editor was there (earlyEdit.ts), with
   * its caret, as one change: "changed", or "unchanged" (only the caret was put); "refused"
   * when it cannot exactly (see `earlyEditTransaction`), and nothing changed then.
   */
  takeEarlyEdit(edited: HTMLElement): "changed" | "unchanged" | "refused" {
    const view = this.view;
    const edit = window.specwrightEarlyEdits?.get(edited);
    window.specwrightEarlyEdits?.delete(edited);
    if (!view || !edit) return "refused";
    // said, not left to be found: the text changes from what the person saw
    const refused = (): "refused" => {
      if (edited.innerHTML === edit.before) return "refused";
      const title = this.options.title;
      this.options.onNotice(this.editable ? `What you typed in “${title}” before its editor had started was typed again key by key: check that it reads as you meant.` : `“${title}” can no longer be edited here: what you typed in it before its editor had started was not kept (“${(edited.textContent ?? "").slice(0, 200)}”).`);
      return "refused";
    };
    // a suggestion is made of what was typed, key by key: the keys are pressed instead
    if (!this.editable || this.isSuggesting()) return refused();
    const tr = earlyEditTransaction(view.state, edit, edited, (doc) => sectionTextHtml(doc, null));
    if (!tr) return refused();
    const prior = view.state.doc;
    view.dispatch(tr);
    if (tr.docChanged && view.state.doc.eq(prior)) return refused();
    // the focus stays where the person has since put it (another section, a comment)
    if (window.specwrightEarlyFocus === edited) view.focus();
    return tr.docChanged ? "changed" : "unchanged";
  }


  /**
   * Presses keys pressed before the editor was there, at the caret: characters are inserted,
   * other keys and shortcuts go through the editor's own key bindings (Enter, Backspace,
   * Ctrl/Cmd+A, +B …). A key the bindings leave to the browser (an arrow) does nothing. A paste
   * held among them is pasted as any paste is (Markdown, HTML, images, the size limit), and the
   * keys after it wait until it is in.
   */
  async pressKeys(keys: HeldKey[]): Promise<void> {
    for (const held of keys) {
      const view = this.view;
      if (!view) return;
      if (held.paste) {
        await this.paste(view, held.paste);
        continue;
      }
      if (isCharacter(held)) {
        if (this.editable) view.dispatch(view.state.tr.insertText(held.key).scrollIntoView());
        continue;
      }
      const event = new KeyboardEvent("keydown", { ...held, bubbles: true, cancelable: true });
      view.someProp("handleKeyDown", (handle) => handle(view, event));
    }
  }

  /** Pastes what a paste held before the editor was there carried, at the caret; settles once it is in. */
  private async paste(view: EditorView, held: HeldPaste): Promise<void> {
    const data = new DataTransfer();
    if (held.html) data.setData("text/html", held.html);
    if (held.text) data.setData("text/plain", held.text);
    for (const file of held.files) data.items.add(file);
    this.pasting = null;
    // through the view's own paste handling, as the browser would send it
    view.dom.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    // a Markdown paste waits for its converter, an image for its upload (each says so if it fails)
    const landing = this.pasting as Promise<void> | null;
    if (landing) await landing;
  }

  /**
   * Focuses the text with the caret where a click landed, given relative to the text's box (as
   * it was measured on the read-only text); with `focus` false, only puts the caret there. Measured here, on the editor's own element: the
   * page may have moved since the click, and the point must be on screen to be found.
   */
  focusAt(offset: { x: number; y: number }, focus = true): void {
    const view = this.view;
    if (!view) return;
    const top = view.dom.getBoundingClientRect().top + offset.y;
    if (focus && (top < 0 || top >= window.innerHeight)) window.scrollBy(0, top - window.innerHeight / 2);
    const box = view.dom.getBoundingClientRect();
    const found = view.posAtCoords({ left: box.left + offset.x, top: box.top + offset.y });
    if (found) {
      // as a click in the editor would: a placeholder, image or other leaf clicked is selected
      // (typing replaces it), anywhere else the caret goes to the nearest text position
      const { doc } = view.state;
      const leaf = found.inside >= 0 ? doc.nodeAt(found.inside) : null;
      const selection = leaf?.isLeaf && !leaf.isText && NodeSelection.isSelectable(leaf) ? NodeSelection.create(doc, found.inside) : TextSelection.near(doc.resolve(found.pos));
      view.dispatch(view.state.tr.setSelection(selection));
    }
    if (focus) view.focus();
  }

  /**
   * Uploads image files one after the other and inserts each at the caret once it is
   * stored; a refused or failed upload inserts nothing and says why.
   */
  async insertImages(files: File[]): Promise<void> {
    for (const file of files) {
      if (!this.view || !this.editable) return;
      this.options.onUpload({ name: file.name || "image", percent: 0 });
      const outcome = await uploadImageFile(this.options.documentId, file, (percent) => this.options.onUpload({ name: file.name || "image", percent }));
      this.options.onUpload(null);
      const view = this.view;
      if (!outcome.ok) {
        this.options.onNotice(outcome.error);
        continue;
      }
      if (!view || !this.editable) return;
      const alt = (file.name || "").replace(/\.[^.]*$/, "").slice(0, 200);
      const image = view.state.schema.nodes.image!.create({ src: outcome.image.src, alt });
      view.dispatch(view.state.tr.replaceSelectionWith(image, false).scrollIntoView());
    }
  }

  /** The editor's current state (an empty document until mounted). */
  get state(): EditorState {
    return this.view?.state ?? EMPTY_STATE;
  }

  get isEditable(): boolean {
    return this.editable && !this.destroyed;
  }

  get isFocused(): boolean {
    return !!this.view?.hasFocus();
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Calls `listener` after every transaction, focus and blur; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs tiptap commands as one chain with the focus in the text (focused at once, not as
   * tiptap's `focus` command does a frame later, when the link form has taken the focus).
   */
  run(commands: EditorCommands): boolean {
    const editor = this.editor;
    if (!editor || !this.editable) return false;
    editor.view.focus();
    return commands(editor.chain()).run();
  }

  dispatch(tr: Transaction): void {
    this.view?.dispatch(tr);
  }

  setTitle(title: string): void {
    if (title === this.title) return;
    this.title = title;
    this.editor?.setOptions({ editorProps: this.editorProps() });
  }

  setEditable(editable: boolean): void {
    if (this.editable === editable) return;
    this.editable = editable;
    // the props that depend on editability (the empty-body hint), then tiptap's setEditable,
    // whose "update" tells node views (a task's checkbox) that editability changed
    this.editor?.setOptions({ editorProps: this.editorProps() });
    this.editor?.setEditable(editable);
    this.notify();
  }

  /** The open threads anchored in this section; their passages are redrawn. */
  setThreads(threads: AnchoredThread[]): void {
    if (threads === this.threads) return;
    this.threads = threads;
    if (this.view) this.view.dispatch(this.view.state.tr.setMeta("commentsChanged", true));
  }

  /** The people "@" offers from now on. */
  setMembers(members: Mentionable[]): void {
    this.members = members;
  }

  /** The documents "[[" and "#" offer from now on. */
  setReferences(references: References): void {
    this.references = references;
  }

  /**
   * Accepts (the text becomes the document's) or rejects (the text is as before) suggestions
   * in this section: the one with `id`, every one by `authorId`, or all of them.
   */
  resolveSuggestions(how: "accept" | "reject", which: { id: string } | { authorId: string } | "all"): void {
    const view = this.view;
    if (!view) return;
    const run = (command: Command) => command(view.state, (tr) => view.dispatch(tr));
    if (which === "all") return void run(how === "accept" ? applySuggestions : revertSuggestions);
    const ids = "id" in which ? [which.id] : suggestionIdsIn(view.state.doc).filter((id) => suggestionAuthor(id) === which.authorId);
    for (const id of ids) run(how === "accept" ? applySuggestion(id) : revertSuggestion(id));
  }

  /** Selects the text of the suggestion `id` (to start a discussion on it); false when it is gone. */
  selectSuggestion(id: string): boolean {
    const view = this.view;
    return view ? selectSuggestion(id)(view.state, (tr) => view.dispatch(tr)) : false;
  }

  /** What the open menu offers: blocks for "/", people for "@". */
  menuItems(open: SlashState): SlashItem[] {
    if (open.kind === "block") return filterSlashItems(open.query);
    return open.kind === "mention" ? mentionItems(this.members, open.query) : referenceItems(this.references, open.query);
  }

  /** Runs a menu item in place of the typed "/command" or "@name". */
  pick(item: SlashItem): void {
    const open = this.slash;
    const view = this.view;
    if (!open || !view) return;
    view.dispatch(view.state.tr.delete(open.from, view.state.selection.from));
    this.run(item.run);
    this.setSlash(null);
  }

  destroy(): void {
    this.destroyed = true;
    this.editor?.destroy();
    this.editor = null;
    this.view = null;
    this.listeners.clear();
  }

  /** The editable element's attributes (its accessible name follows the section title). */
  private attributes(): Record<string, string> {
    return {
      "aria-label": `${this.title} body`,
      role: "textbox",
      "aria-multiline": "true",
      "aria-placeholder": emptyBodyHint(this.editable),
      class: "sw-prose rounded-md px-1 py-1 focus:outline-none focus:ring-2 focus:ring-indigo-200",
    };
  }

  private notify(): boolean {
    for (const listener of this.listeners) listener();
    return false;
  }

  private setSlash(next: SlashState | null): void {
    this.slash = next;
    this.options.onSlash(next);
  }

  /** "/" or "@" typed (or its query changed): the menu opens on its first item; null closes that kind's menu. */
  private followSlash(kind: SuggestionKind, match: SlashMatch | null): void {
    const open = this.slash;
    if (!match || !this.editable) {
      if (open?.kind === kind) this.setSlash(null);
    } else if (!open || open.from !== match.from || open.query !== match.query) {
      this.setSlash({ ...match, active: 0 });
    }
  }

  /** Pasted image files (a screenshot, a copied file) are uploaded rather than pasted as HTML. */
  private pasteImages(view: EditorView, event: ClipboardEvent): boolean {
    const files = imageFiles(event.clipboardData?.files);
    if (!files.length || !this.editable || view.state.selection.$from.parent.type.spec.code) return false;
    event.preventDefault();
    // keys held after a held paste wait for its images (pressKeys)
    this.pasting = this.insertImages(files);
    return true;
  }

  /** Dropped image files go where they were dropped. */
  private dropImages(view: EditorView, event: DragEvent): boolean {
    const files = imageFiles(event.dataTransfer?.files);
    if (!files.length || !this.editable) return false;
    event.preventDefault();
    const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
    if (at) view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))));
    void this.insertImages(files);
    return true;
  }

  private refuseLargePaste(event: ClipboardEvent): boolean {
    const data = event.clipboardData;
    const size = (data?.getData("text/html").length ?? 0) + (data?.getData("text/plain").length ?? 0);
    if (size <= MAX_PASTE_CHARS) return false;
    this.options.onNotice(`That paste is too large (${Math.round(size / 1000)} k characters; the limit is ${MAX_PASTE_CHARS / 1000} k). Nothing was pasted.`);
    return true;
  }

  /** Markdown pasted as text arrives as headings, lists, tables… (not in code blocks). */
  private convertMarkdown(view: EditorView, event: ClipboardEvent): boolean {
    const data = event.clipboardData;
    if (!data || !isMarkdownPaste(data) || view.state.selection.$from.parent.type.spec.code) return false;
    this.options.onPasting?.(true);
    this.pasting = pasteMarkdown(view, data.getData("text/plain"), () => this.view === view)
      .catch(() => {
        // its code could not load (offline): said, and nothing changed
        this.options.onNotice("That Markdown could not be pasted: the page could not load what converts it (are you offline?). Nothing was pasted.");
      })
      .finally(() => this.options.onPasting?.(false));
    return true;
  }

  /**
   * A key for the open slash menu (from the text, or from the menu when it has the focus):
   * arrows move the choice, Enter inserts it, Escape closes the menu. True when it was one.
   */
  slashKey(key: string): boolean {
    const open = this.slash;
    if (!open) return false;
    const items = this.menuItems(open);
    if (key === "ArrowDown" || key === "ArrowUp") {
      const step = key === "ArrowDown" ? 1 : -1;
      this.setSlash({ ...open, active: (open.active + step + items.length) % Math.max(items.length, 1) });
      return true;
    }
    if (key === "Enter" && items[open.active]) {
      this.pick(items[open.active]!);
      return true;
    }
    if (key === "Escape") {
      this.setSlash(null);
      return true;
    }
    return false;
  }

  private keyDown(): boolean {
    // the open menu's keys come through its suggestion (menuSuggestion.ts), after this
    if (this.view) catchUpSelection(this.view);
    return false;
  }
}

const EMPTY_STATE = EditorState.create({ schema: documentSchema });
