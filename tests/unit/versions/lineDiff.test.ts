import { describe, expect, it } from "vitest";
import { normalizeDoc } from "@/lib/editor/documentSchema";
import { markdownToDoc } from "@/lib/markdown/fromMarkdown";
import { diffBodies, type BodySegment, type LineDiff } from "@/lib/versions/bodyDiff";

const body = (md: string) => normalizeDoc(markdownToDoc(md).doc);
const lines = (segments: BodySegment[]): LineDiff[] => segments.flatMap((s) => (s.type === "lines" ? s.lines : []));
/** A line as read: its layout, status and text with [-removed-] and {+added+} words. */
const read = (l: LineDiff) => {
  const f = l.format;
  const layout = f.kind === "item" ? `${f.list}${f.depth}${f.checked === undefined ? "" : f.checked ? "[x]" : "[ ]"}` : f.kind === "heading" ? `h${f.level}` : f.kind === "paragraph" ? "p" : f.kind;
  const text = l.parts.map((p) => (p.added ? `{+${p.value}+}` : p.removed ? `[-${p.value}-]` : p.value)).join("");
  return `${layout} ${l.status} ${text}`;
};

describe("changes keep the text's layout", () => {
  it("shows bullets, nested bullets and numbered items as items, with changed words marked inside them", () => {
    const segments = diffBodies(body("- Retry once\n  - on timeouts\n- Log it\n\n1. Charge\n2. Refund"), body("- Retry three times\n  - on timeouts\n- Log it\n- Alert on call\n\n1. Charge\n2. Refund"));
    expect(lines(segments).map(read)).toEqual([
      "bullet1 changed Retry [-once-]{+three times+}",
      "bullet2 same on timeouts",
      "bullet1 same Log it",
      "bullet1 added {+Alert on call+}",
      "ordered1 same Charge",
      "ordered1 same Refund",
    ]);
  });

  it("keeps a task's box, and says when it was ticked", () => {
    const [line] = lines(diffBodies(body("- [ ] Load test\n- [ ] Threat model"), body("- [x] Load test\n- [ ] Threat model"))).filter((l) => l.status !== "same");
    expect(line && read(line)).toBe("task1[x] changed Load test");
    expect(line?.checkedBefore).toBe(false);
  });

  it("shows a heading as a heading, and a paragraph made a bullet with its old layout", () => {
    const changed = lines(diffBodies(body("### Rollout\n\nShip on Monday"), body("### Rollout plan\n\n- Ship on Monday"))).map((l) => [read(l), l.formatBefore?.kind ?? null]);
    expect(changed).toEqual([
      ["h3 changed Rollout{+ plan+}", null],
      ["bullet1 changed Ship on Monday", "paragraph"],
    ]);
  });

  it("leaves plain paragraphs as one text, as before", () => {
    expect(diffBodies(body("Intro.\n\nWe retry once."), body("Intro.\n\nWe retry twice.")).map((s) => s.type)).toEqual(["text"]);
  });
});

describe("pairing changed lines", () => {
  it("pairs an edited line with its old self only when its layout is the same and most words stayed", () => {
    const segments = diffBodies(body("- Forged signatures\n\n### Checks"), body("- Forged signatures on retries\n- Clock skew\n\n### Checks before launch"));
    expect(lines(segments).map(read)).toEqual([
      "bullet1 changed Forged signatures{+ on retries+}",
      "bullet1 added {+Clock skew+}",
      "h3 changed Checks{+ before launch+}",
    ]);
    expect(lines(diffBodies(body("- Log it"), body("- Alert on call"))).map(read)).toEqual(["bullet1 removed [-Log it-]", "bullet1 added {+Alert on call+}"]);
  });
});

describe("quotes and code keep their layout", () => {
  it("shows a quote's lines as quoted, with changed words marked inside", () => {
    const changed = lines(diffBodies(body("> Payments must never be charged twice.\n\nAfter."), body("> Payments must never be charged twice or lost.\n\nAfter."))).map(read);
    expect(changed).toEqual(["quote changed Payments must never be charged twice{+ or lost+}."]);
  });

  it("shows code line by line, indentation kept, with the changed line marked", () => {
    const before = "```ts\nfunction charge() {\n  retry(1);\n}\n```";
    const after = "```ts\nfunction charge() {\n  retry(3);\n  log();\n}\n```";
    expect(lines(diffBodies(body(before), body(after))).map(read)).toEqual([
      "code same function charge() {",
      "code changed   retry([-1-]{+3+});",
      "code added {+  log();+}",
      "code same }",
    ]);
  });

  it("says when a paragraph became a quote", () => {
    const [line] = lines(diffBodies(body("Keep it simple."), body("> Keep it simple.")));
    expect(line && read(line)).toBe("quote changed Keep it simple.");
    expect(line?.formatBefore).toEqual({ kind: "paragraph" });
  });
});
