import type { Node as PMNode } from "prosemirror-model";
import type { NodeView, ViewMutationRecord } from "prosemirror-view";
import type { NodeViewHost } from "./nodeViewHost";

/**
 * A task: a checkbox (ticked and unticked by anyone who may edit) before the task's text.
 * The same markup as the schema's HTML, with the checkbox named for screen readers.
 */
class TaskItemView implements NodeView {
  readonly dom: HTMLLIElement;
  readonly contentDOM: HTMLDivElement;
  private readonly checkbox: HTMLInputElement;
  private readonly unsubscribe: () => void;

  constructor(
    private node: PMNode,
    private readonly host: NodeViewHost,
    getPos: () => number | undefined,
  ) {
    this.dom = document.createElement("li");
    this.dom.dataset.type = "taskItem";
    const label = document.createElement("label");
    label.contentEditable = "false";
    this.checkbox = document.createElement("input");
    this.checkbox.type = "checkbox";
    this.checkbox.setAttribute("aria-label", "Done");
    this.checkbox.addEventListener("mousedown", (e) => e.preventDefault());
    this.checkbox.addEventListener("change", () => {
      const pos = getPos();
      if (pos === undefined || !host.isEditable) {
        this.checkbox.checked = !this.checkbox.checked;
        return;
      }
      host.dispatch(host.state.tr.setNodeMarkup(pos, undefined, { ...this.node.attrs, checked: this.checkbox.checked }));
    });
    label.append(this.checkbox, document.createElement("span"));
    this.contentDOM = document.createElement("div");
    this.dom.append(label, this.contentDOM);
    this.show();
    this.unsubscribe = host.subscribe(() => {
      if (this.checkbox.disabled === host.isEditable) this.checkbox.disabled = !host.isEditable;
    });
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.show();
    return true;
  }

  /** Changes to the checkbox are not content changes. */
  ignoreMutation(mutation: ViewMutationRecord): boolean {
    return mutation.type !== "selection" && !this.contentDOM.contains(mutation.target);
  }

  private show(): void {
    const checked = this.node.attrs.checked === true;
    this.dom.dataset.checked = String(checked);
    this.checkbox.checked = checked;
    this.checkbox.disabled = !this.host.isEditable;
  }

  destroy(): void {
    this.unsubscribe();
  }
}

export function taskItemView(node: PMNode, host: NodeViewHost, getPos: () => number | undefined): NodeView {
  return new TaskItemView(node, host, getPos);
}
