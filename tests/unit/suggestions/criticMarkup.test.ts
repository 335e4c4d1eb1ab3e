import { describe, expect, it } from "vitest";
import type { PMDoc } from "@/lib/editor/schema";
import { docToMarkdown } from "@/lib/markdown/toMarkdown";
import { criticMarkup, withCriticMarks } from "@/lib/suggestions/criticMarkup";

const id = "vera:mf2k3l:1";
const BODY: PMDoc = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Availability is " },
        { type: "text", text: "99.99", marks: [{ type: "deletion", attrs: { id } }] },
        { type: "text", text: "99.9", marks: [{ type: "insertion", attrs: { id } }] },
        { type: "text", text: " % {per} month" },
        { type: "text", text: " at most", marks: [{ type: "insertion", attrs: { id: "vera:mf2k3l:2" } }] },
        { type: "text", text: ", measured ", marks: [{ type: "deletion", attrs: { id: "ada:mf2k3m:3" } }] },
        { type: "text", text: "monthly", marks: [{ type: "bold" }, { type: "deletion", attrs: { id: "ada:mf2k3m:3" } }] },
        { type: "text", text: "." },
      ],
    },
  ],
};

describe("open suggestions as CriticMarkup", () => {
  it("writes a replacement, an insertion and a deletion, keeping formatting inside them", () => {
    expect(criticMarkup(docToMarkdown(withCriticMarks(BODY)))).toBe("Availability is {~~99.99~>99.9~~} % {per} month{++ at most++}{--, measured --}**{--monthly--}**.\n");
  });

  it("leaves a body without suggestions as it is", () => {
    const plain: PMDoc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Plain." }] }] };
    expect(withCriticMarks(plain)).toBe(plain);
  });
});
