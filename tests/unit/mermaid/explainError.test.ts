import { describe, expect, it } from "vitest";
import { explainMermaidError } from "@/lib/mermaid/explainError";
import { sourceLine } from "@/lib/mermaid/sourceLines";
import { mermaidError } from "@/lib/mermaid/validate";

const PARSER_WORDS = /Expecting|got '|'[A-Z_]{2,}'|NODE_STRING|MINUS|EOF/;

describe("Mermaid errors in plain words", () => {
  it("names the line of the source, counting comments, front matter and blank lines Mermaid drops", async () => {
    const message = await mermaidError("---\ntitle: Payments\n---\n\nflowchart LR\n  %% the happy path\n  A --> B\n  B -> C\n  C --> D");
    expect(message).toMatch(/^Line 8 \(B -> C\): "-" is not expected here\. It expected an arrow such as -->/);
    expect(message).not.toMatch(PARSER_WORDS);
  });

  it("says a line is not finished, on that line rather than one past the end", async () => {
    const message = await mermaidError("flowchart LR\n  Gateway --> Ledger\n  Ledger -->");
    expect(message).toMatch(/^Line 3 \(Ledger -->\): this line is not finished\. It expected a name/);
    expect(message).not.toMatch(PARSER_WORDS);
  });

  it("says a bracket is not closed", async () => {
    expect(await mermaidError("flowchart LR\n  A[Start --> B")).toBe('Line 2 (A[Start --> B): the "[" opened on this line is not closed; add "]".');
  });

  it("names an unknown diagram type", async () => {
    expect(await mermaidError("%% draft\nflowchrt LR\n  A --> B")).toMatch(/^Line 2: "flowchrt" is not a kind of diagram Mermaid knows\. Start with flowchart, sequenceDiagram/);
  });

  it("reads errors from the newer parsers too", async () => {
    const message = await mermaidError('pie\n  "Dogs" : 386\n  %% cats next\n  "Cats" 85');
    expect(message).toBe('Line 4 ("Cats" 85): "85" is not expected here. It expected ":".');
  });

  it("explains a message that arrives as text only (from the PDF printer)", () => {
    expect(explainMermaidError("sequenceDiagram\n  A->>B hi", { message: "Parse error on line 2:\n...\nExpecting 'TXT', got 'NEWLINE'" })).toBe("Line 2 (A->>B hi): this line is not finished. It expected text.");
  });

  it("maps parsed lines back through directives and comments", () => {
    const source = "%%{init: {'theme': 'dark'}}%%\n\n%% one\nflowchart TD\n  A --> B\n%% two\n  B --> C";
    expect(sourceLine(source, 1)).toBe(4);
    expect(sourceLine(source, 2)).toBe(5);
    expect(sourceLine(source, 3)).toBe(7);
    expect(sourceLine(source, 9)).toBe(7);
  });
});
