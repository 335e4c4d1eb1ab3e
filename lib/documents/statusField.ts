import type { FieldDef } from "../templates/schema";
import { STATUS_LABELS } from "./status";

const WORKFLOW_LABELS = new Set(Object.values(STATUS_LABELS).map((l) => l.toLowerCase()));

/**
 * A template field that repeats the document's workflow status (a "Status" choice among
 * Draft, In Review, Approved…). The workflow status is the document's status: such a field
 * is shown from it, read-only, and left off the PDF cover, which prints the status once.
 */
export function mirrorsWorkflowStatus(field: Pick<FieldDef, "key" | "label" | "type" | "options">): boolean {
  if (field.type !== "select" || !field.options?.length) return false;
  if (field.key.toLowerCase() !== "status" && field.label.trim().toLowerCase() !== "status") return false;
  return field.options.every((o) => WORKFLOW_LABELS.has(o.trim().toLowerCase()));
}
