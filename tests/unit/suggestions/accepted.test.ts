import { revertSuggestions, transformToSuggestionTransaction } from "@handlewithcare/prosemirror-suggest-changes";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentSchema } from "@/lib/editor/documentSchema";
import type { PMDoc } from "@/lib/editor/schema";
import { acceptedBody, hasSuggestions } from "@/lib/suggestions/accepted";
import { newSuggestionId, suggestionAuthor } from "@/lib/suggestions/ids";
import { openSuggestions } from "@/lib/suggestions/open";

const WRITTEN: PMDoc = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "Availability is 99.99 % per month." }] },
    { type: "paragraph", content: [{ type: "text", text: "Measured monthly." }] },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "one " }, { type: "text", marks: [{ type: "bold" }], text: "bold" }, { type: "text", text: " item" }] }] }] },
    { type: "table", content: [{ type: "tableRow", content: [{ type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: "a cell" }] }] }] }] },
    { type: "paragraph", content: [{ type: "text", text: "Last words." }] },
    { type: "codeBlock", attrs: { language: "ts" }, content: [{ type: "text", text: "const retries = 3;" }] },
  ],
};
/** As the editor holds it (every attribute spelled out). */
const BODY = documentSchema.nodeFromJSON(WRITTEN).toJSON() as PMDoc;

let counter = 0;
const ids = () => newSuggestionId("reviewer-1", 1_800_000_000_000, () => ++counter / 1000);

/** The body after a change made in suggestion mode, as the editor would store it. */
function suggested(body: PMDoc, change: (state: EditorState) => Transaction): PMDoc {
  const state = EditorState.create({ schema: documentSchema, doc: documentSchema.nodeFromJSON(body) });
  return state.apply(transformToSuggestionTransaction(change(state), state, ids)).doc.toJSON() as PMDoc;
}

/** What the suggestion package's "reject all" leaves. */
function rejectedByPackage(body: PMDoc): PMDoc {
  const state = EditorState.create({ schema: documentSchema, doc: documentSchema.nodeFromJSON(body) });
  let out = body;
  revertSuggestions(state, (tr) => (out = tr.doc.toJSON() as PMDoc));
  return out;
}

/**
 * A body as JSON, for comparing readings: the package's "reject all" may collapse a double space
 * its removal leaves behind, and may leave an anchor behind in text (ours never does).
 */
const same = (doc: PMDoc) => JSON.stringify(doc).replace(/ {2,}/g, " ").replace(/\u200B/g, "");

describe("acceptedBody", () => {
  it("returns a body without suggestions as it is", () => {
    expect(hasSuggestions(BODY)).toBe(false);
    expect(acceptedBody(BODY)).toBe(BODY);
  });

  it.each([
    ["an insertion", (s: EditorState) => s.tr.insertText("9", 20)],
    ["a deletion", (s: EditorState) => s.tr.delete(18, 21)],
    ["bold on a word", (s: EditorState) => s.tr.addMark(1, 13, documentSchema.marks.bold!.create())],
    ["a line break (split paragraph)", (s: EditorState) => s.tr.split(10)],
    ["a deletion across paragraphs", (s: EditorState) => s.tr.delete(30, 42)],
    ["text typed in a table cell", (s: EditorState) => s.tr.insertText("new ", s.doc.content.child(0).nodeSize + s.doc.content.child(1).nodeSize + s.doc.content.child(2).nodeSize + 4)],
    ["code typed and removed in a code block", (s: EditorState) => s.tr.delete(s.doc.content.size - 3, s.doc.content.size - 2).insertText("5", s.doc.content.size - 3)],
  ])("reads %s as the text before it", (_name, change) => {
    const after = suggested(BODY, change);
    expect(hasSuggestions(after)).toBe(true);
    expect(after).not.toEqual(BODY);
    expect(acceptedBody(after)).toEqual(BODY);
  });

  it("reads any series of suggested insertions, deletions and line breaks as the text before them, or as the suggestion package's \"reject all\" leaves it", () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom("x", "new words", " ", "9") }),
      fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
      fc.record({ kind: fc.constant("split" as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        let body = BODY;
        for (const e of edits) {
          try {
            body = suggested(body, (state) => {
              // positions inside text, where a person's caret can be
              const spots: number[] = [];
              state.doc.descendants((node, pos) => {
                if (node.isText) for (let i = 0; i <= node.nodeSize; i++) spots.push(pos + i);
              });
              const at = spots[e.at % spots.length]!;
              const to = (n: number) => spots[Math.min(spots.indexOf(at) + n, spots.length - 1)]!;
              if (e.kind === "insert") return state.tr.insertText(e.text, at);
              if (e.kind === "delete") return state.tr.delete(at, Math.max(at, to(e.length)));
              return state.tr.split(at);
            });
          } catch {
            // an edit the suggestion package cannot make (the editor refuses it): the body stays
          }
        }
        const ours = same(acceptedBody(body));
        // exactly the text as written, or else what the package's own "reject all" leaves; that
        // one may turn a code block whose first line break was suggested away into a paragraph
        // (ours keeps the block as written)
        if (ours !== same(BODY)) expect(ours).toBe(same(rejectedByPackage(body)));
      }),
      { numRuns: 150, examples: [[[{ kind: "insert", at: 11793969, text: "x" }, { kind: "delete", at: 1354154204, length: 7 }, { kind: "split", at: 190374359 }, { kind: "split", at: 306133974 }, { kind: "delete", at: 0, length: 1 }]]] },
    );
  });
});

describe("openSuggestions", () => {
  it("lists a replacement once, with its author, what it adds and what it removes", () => {
    const replaced = suggested(suggested(BODY, (s) => s.tr.delete(17, 22)), (s) => s.tr.insertText("99.9", 17));
    const open = openSuggestions([{ key: "goals", body: replaced }]);
    // typed right after the deletion: one replacement
    expect(open.map((s) => [s.sectionKey, s.authorId, s.deleted, s.inserted])).toEqual([["goals", "reviewer-1", "99.99", "99.9"]]);
    expect(open[0]!.at).toBe(new Date(1_800_000_000_000).toISOString());
  });

  it("shows a suggested line break as one ¶", () => {
    const [split] = openSuggestions([{ key: "goals", body: suggested(BODY, (s) => s.tr.split(10)) }]);
    expect(split).toMatchObject({ inserted: "¶", deleted: "" });
  });
});

describe("suggestion ids", () => {
  it("carry their author", () => {
    expect(suggestionAuthor(newSuggestionId("cm5abc_-9"))).toBe("cm5abc_-9");
    expect(suggestionAuthor("not an id")).toBeNull();
    expect(suggestionAuthor(7)).toBeNull();
  });
});
