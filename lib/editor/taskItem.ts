import type { NodeViewRenderer } from "@tiptap/core";

/** A task's checkbox is named for what it does, then the task: "Done: write the plan" (in the editor and the read-only text). */
export const taskCheckboxLabel = (task: string) => `Done: ${task.trim().slice(0, 80) || "empty task"}`;

const checkboxLabel = (node: { textContent: string }) => taskCheckboxLabel(node.textContent);

/** tiptap TaskItem's options for the document: our markup's `data-type`, the checkbox's name. */
export const TASK_ITEM_OPTIONS = { nested: true, HTMLAttributes: { "data-type": "taskItem" }, a11y: { checkboxLabel } };

/**
 * tiptap's task view (the checkbox before the text, ticked by anyone who may edit), with the
 * checkbox disabled while the section cannot be edited, so a reader sees a task's state
 * without a control that does nothing.
 */
export function disabledWhileReadOnly(render: NodeViewRenderer): NodeViewRenderer {
  return (props) => {
    const view = render(props);
    const checkbox = view.dom instanceof HTMLElement ? view.dom.querySelector("input") : null;
    // tiptap repeats the checkbox's name as hidden text beside it: the name is the checkbox's
    // own (aria-label), and the task's text is read once, not as "Done: one" before "one"
    const repeated = checkbox?.nextElementSibling ?? null;
    const content = view.contentDOM ?? null;
    const sync = () => {
      if (checkbox && checkbox.disabled === props.editor.isEditable) checkbox.disabled = !props.editor.isEditable;
      if (repeated?.textContent) repeated.textContent = "";
    };
    sync();
    // editability changes arrive as "update" (setEditable)
    props.editor.on("update", sync).on("transaction", sync);
    return {
      dom: view.dom,
      contentDOM: content,
      update: (...args: Parameters<NonNullable<typeof view.update>>) => {
        const kept = view.update?.(...args) ?? false;
        sync();
        return kept;
      },
      // the checkbox and its state are not content: only what is typed in the task is read back
      ignoreMutation: (mutation) => mutation.type !== "selection" && !content?.contains(mutation.target),
      destroy: () => {
        props.editor.off("update", sync).off("transaction", sync);
        view.destroy?.();
      },
    };
  };
}
