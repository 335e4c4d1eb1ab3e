import { describe, expect, it } from "vitest";
import { mirrorsWorkflowStatus } from "@/lib/documents/statusField";
import { BUILTIN_TEMPLATES } from "@/lib/templates/builtins";

const select = (key: string, label: string, options: string[]) => ({ key, label, type: "select" as const, options });

describe("a template field that repeats the workflow status", () => {
  it("is the Status choice of the templates that have one", () => {
    const mirrored = BUILTIN_TEMPLATES.flatMap((t) => t.sections.flatMap((s) => (s.fields ?? []).filter(mirrorsWorkflowStatus).map(() => t.key)));
    expect(mirrored.sort()).toEqual(["design-document-metadata", "enterprise-design", "software-design-document"]);
  });

  it("is a choice named Status among workflow statuses only", () => {
    expect(mirrorsWorkflowStatus(select("status", "Status", ["Draft", "In Review", "Approved", "Implemented"]))).toBe(true);
    expect(mirrorsWorkflowStatus(select("state", "Status", ["draft", "approved"]))).toBe(true);
    expect(mirrorsWorkflowStatus(select("status", "Status", ["Proposed", "Accepted", "Deprecated"]))).toBe(false);
    expect(mirrorsWorkflowStatus(select("quality_level", "Quality", ["Draft", "Approved"]))).toBe(false);
    expect(mirrorsWorkflowStatus({ key: "status", label: "Status", type: "text" })).toBe(false);
  });
});
