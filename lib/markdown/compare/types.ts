/** The constructs a comparison reports on, one name each. */
export type Construct =
  | "frontMatter"
  | "heading"
  | "table"
  | "code"
  | "mermaid"
  | "task"
  | "list"
  | "block"
  | "text"
  | "formatting"
  | "link"
  | "image"
  | "definition"
  | "footnote"
  | "html";

/** Where something is in one of the two files: its 1-based line and the heading it sits under. */
export interface Place {
  line: number;
  section: string | null;
}

export interface MarkdownDifference {
  construct: Construct;
  /** missing: in the first file only; added: in the second only; changed: in both, not the same */
  change: "missing" | "added" | "changed";
  /** where in the first file (null when added) */
  source: Place | null;
  /** where in the second file (null when missing) */
  other: Place | null;
  /** the construct as the first file has it (null when added) */
  expected: string | null;
  /** the construct as the second file has it (null when missing) */
  actual: string | null;
  /** one readable line */
  message: string;
}

/** One occurrence of a construct: `key` decides equality; `shown` is for people; `detail` locates a change. */
export interface Item {
  key: string;
  shown: string;
  line: number;
  /** parts of the construct (cells, code lines…), compared in order to say what changed first */
  detail?: string[];
}
