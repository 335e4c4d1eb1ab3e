import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { drawingKey } from "@/lib/diagrams/drawingKey";
import { diagramSources } from "@/lib/diagrams/sources";
import type { PMDoc } from "@/lib/editor/schema";
import { SCREEN_MERMAID_CONFIG } from "@/lib/mermaid/screenLook";

describe("diagramSources", () => {
  it("lists each diagram's source once, in reading order, leaving out empty ones", () => {
    const body = (...sources: string[]): PMDoc => ({ type: "doc", content: sources.map((source) => ({ type: "mermaid", attrs: { source } })) });
    const nested: PMDoc = { type: "doc", content: [{ type: "blockquote", content: [{ type: "mermaid", attrs: { source: "pie\n  \"a\": 1" } }] }] };
    expect(diagramSources([body("graph TD\n A-->B", "  "), nested, body("graph TD\n A-->B")])).toEqual(["graph TD\n A-->B", "pie\n  \"a\": 1"]);
  });
});

describe("drawingKey", () => {
  it("binds the source, the installed Mermaid's version and the screen look", () => {
    const version = (JSON.parse(readFileSync("node_modules/mermaid/package.json", "utf8")) as { version: string }).version;
    const expected = createHash("sha256").update(JSON.stringify([version, SCREEN_MERMAID_CONFIG, "graph TD\n A-->B"])).digest("hex");
    expect(drawingKey("graph TD\n A-->B")).toBe(expected);
    expect(drawingKey("graph TD\n A-->B ")).not.toBe(expected);
  });
});
