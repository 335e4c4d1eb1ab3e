import type { PMDoc, PMNode } from "../editor/schema";

export interface FieldRow {
  label: string;
  value: string;
}

/** Text of a cell with placeholders as their label (`[Date]`), which docToText leaves out. */
function textOf(node: PMNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "placeholder") return String(node.attrs?.label ?? "");
  return (node.content ?? []).map(textOf).join(node.type === "tableCell" || node.type === "tableHeader" ? " " : "");
}

function cells(row: PMNode): string[] {
  return (row.content ?? []).map((cell) => textOf(cell).replace(/\s+/g, " ").trim());
}

/**
 * A two-column `| Field | Value |` table as the first block of a section body — how exports
 * write typed fields, and how seed 003 lays out its document control — with its rows.
 * Null when the body does not start with one.
 */
export function leadingFieldTable(body: PMDoc): { rows: FieldRow[]; rest: PMDoc } | null {
  const [first, ...rest] = body.content;
  if (first?.type !== "table") return null;
  const [header, ...rows] = first.content ?? [];
  const names = header ? cells(header).map((c) => c.toLowerCase()) : [];
  if (names.length !== 2 || names[0] !== "field" || names[1] !== "value") return null;
  const parsed = rows.map(cells).filter((c) => c.some(Boolean));
  return {
    rows: parsed.map(([label = "", value = ""]) => ({ label, value })),
    rest: { type: "doc", content: rest.length ? rest : [{ type: "paragraph" }] },
  };
}
