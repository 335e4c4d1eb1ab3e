import type { Node as PMNode } from "prosemirror-model";
import type { NodeView } from "prosemirror-view";
import { IMAGE_ALT_MAX, safeImageSrc } from "@/lib/editor/documentUrls";
import type { NodeViewHost } from "./nodeViewHost";

/**
 * An image in a section: the picture (or its alt text when its address is not one we
 * show) and, for editors, a small "Alt" button that opens an inline field for the alt text
 * (Enter saves, Escape cancels).
 */
class ImageView implements NodeView {
  readonly dom: HTMLSpanElement;
  private readonly img: HTMLImageElement;
  private readonly button: HTMLButtonElement;
  private field: HTMLInputElement | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private node: PMNode,
    private readonly host: NodeViewHost,
    private readonly getPos: () => number | undefined,
  ) {
    this.dom = document.createElement("span");
    this.dom.className = "sw-image";
    this.dom.contentEditable = "false";
    this.img = document.createElement("img");
    this.img.draggable = false;
    this.button = document.createElement("button");
    this.button.type = "button";
    this.button.className = "sw-image-alt";
    this.button.textContent = "Alt";
    this.button.addEventListener("mousedown", (e) => e.preventDefault());
    this.button.addEventListener("click", () => this.openField());
    this.dom.append(this.img, this.button);
    this.show();
    this.unsubscribe = host.subscribe(() => {
      if (this.button.hidden === host.isEditable) this.button.hidden = !host.isEditable;
    });
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.show();
    return true;
  }

  selectNode(): void {
    this.dom.classList.add("sw-image-selected");
  }

  deselectNode(): void {
    this.dom.classList.remove("sw-image-selected");
  }

  /** Typing in the alt field is not editing the section's text. */
  stopEvent(event: Event): boolean {
    return !!this.field && this.field.contains(event.target as Node);
  }

  ignoreMutation(): boolean {
    return true;
  }

  destroy(): void {
    this.unsubscribe();
  }

  private show(): void {
    const src = safeImageSrc(this.node.attrs.src);
    const alt = String(this.node.attrs.alt ?? "");
    if (src && this.img.getAttribute("src") !== src) this.img.src = src;
    if (!src) this.img.removeAttribute("src");
    this.img.alt = alt;
    if (this.node.attrs.title) this.img.title = String(this.node.attrs.title);
    else this.img.removeAttribute("title");
    this.button.setAttribute("aria-label", alt ? `Edit alt text: ${alt}` : "Add alt text");
    this.button.hidden = !this.host.isEditable;
  }

  private openField(): void {
    if (this.field || !this.host.isEditable) return;
    const field = document.createElement("input");
    field.type = "text";
    field.className = "sw-image-alt-field";
    field.maxLength = IMAGE_ALT_MAX;
    field.value = String(this.node.attrs.alt ?? "");
    field.setAttribute("aria-label", "Alt text");
    field.placeholder = "Describe the image";
    const close = (save: boolean) => {
      if (!this.field) return;
      this.field = null;
      field.remove();
      this.button.hidden = !this.host.isEditable;
      const pos = this.getPos();
      if (save && pos !== undefined && this.host.isEditable && field.value !== this.node.attrs.alt) {
        this.host.dispatch(this.host.state.tr.setNodeMarkup(pos, undefined, { ...this.node.attrs, alt: field.value }));
      }
    };
    field.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === "Escape") {
        e.preventDefault();
        close(e.key === "Enter");
      }
    });
    field.addEventListener("blur", () => close(true));
    this.field = field;
    this.button.hidden = true;
    this.dom.append(field);
    field.focus();
    field.select();
  }
}

export function imageView(node: PMNode, host: NodeViewHost, getPos: () => number | undefined): NodeView {
  return new ImageView(node, host, getPos);
}
