import type { EditorState, Transaction } from "prosemirror-state";

/** The part of a section's editor that its node views (diagram, task, code block) use. */
export interface NodeViewHost {
  readonly isEditable: boolean;
  readonly state: EditorState;
  dispatch(tr: Transaction): void;
  /** called after every transaction, focus, blur and change of editability; returns the unsubscribe */
  subscribe(listener: () => void): () => void;
  /** whether the person is suggesting here: a diagram's change is then proposed, not made */
  isSuggesting(): boolean;
  /** opens a comment proposing `after` for the diagram whose source is `before` */
  proposeDiagram(before: string, after: string): void;
}
