import { describe, expect, it } from "vitest";
import { formatBytes, MAX_IMPORT_BYTES, MAX_IMPORT_SIZE } from "@/lib/import/limits";
import { runParseTask } from "@/lib/import/parseTasks";
import { importMarkdown } from "@/lib/markdown/importMarkdown";

describe("parse tasks as plain data", () => {
  it("returns a task's result as structured-clone safe data", () => {
    const outcome = runParseTask({ task: "readImport", args: ["# Title\n\n## Goals\n\n- [ ] ship\n", false] });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(structuredClone(outcome.value)).toEqual(outcome.value);
    expect(outcome.value.imported.sections.map((s) => s.title)).toEqual(["Goals"]);
    expect(outcome.value.mojibake).toBeNull();
  });

  it("returns invalid input as a failure with its message and fields", () => {
    // front matter that is not YAML is kept, not refused: a template without headings is
    const outcome = runParseTask({ task: "templateFromMarkdown", args: [importMarkdown("Only text.\n"), { key: "t", name: "T", description: "" }] });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: "invalid", fields: { markdown: ["no headings"] } } });
  });

  it("returns input nested deeper than the stack as a failure, not a crash", () => {
    const outcome = runParseTask({ task: "importMarkdown", args: [`${"> ".repeat(20_000)}x\n`] });
    expect(outcome).toEqual({ ok: false, failure: { kind: "tooDeep" } });
  });
});

describe("the import size limit", () => {
  it("is 2 MB, and sizes read as people say them", () => {
    expect(MAX_IMPORT_BYTES).toBe(2 * 1024 * 1024);
    expect(MAX_IMPORT_SIZE).toBe("2 MB");
    expect(formatBytes(740 * 1024)).toBe("740 KB");
    expect(formatBytes(MAX_IMPORT_BYTES + 1)).toBe("2.1 MB");
    expect(formatBytes(2.2 * 1024 * 1024)).toBe("2.2 MB");
  });
});
