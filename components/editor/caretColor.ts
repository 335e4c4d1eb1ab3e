const COLOR = /^#[0-9a-fA-F]{6}$/;

/** A person's caret colour as they published it, when it is a plain #rrggbb; slate otherwise. */
export function caretColor(color: unknown): string {
  return typeof color === "string" && COLOR.test(color) ? color : "#64748b";
}
