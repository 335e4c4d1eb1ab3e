import { describe, expect, it } from "vitest";
import type { PMDoc, PMNode } from "@/lib/editor/schema";
import { suggestionChanges } from "@/lib/suggestions/changes";
import { diffSections } from "@/lib/versions/diff";

const VERA = "vera-1";
const REPLACE = `${VERA}:lq2x8k00:a1`;
const ADD = `${VERA}:lq2x8k01:b2`;

const text = (value: string, mark?: { type: "insertion" | "deletion"; id: string }): PMNode => (mark ? { type: "text", text: value, marks: [{ type: mark.type, attrs: { id: mark.id } }] } : { type: "text", text: value });
const body = (...inline: PMNode[]): PMDoc => ({ type: "doc", content: [{ type: "paragraph", content: inline }] });

const PLAIN = body(text("Threats: replayed webhooks."));
const SUGGESTED = body(text("Threats: "), text("replayed", { type: "deletion", id: REPLACE }), text("forged", { type: "insertion", id: REPLACE }), text(" webhooks."), text(" Twice.", { type: "insertion", id: ADD }));
const section = (b: PMDoc) => ({ key: "security", title: "Security", depth: 1, fields: {}, body: b });

describe("suggestions in a comparison of versions", () => {
  it("lists suggestions made since the older version as open, with what they propose", () => {
    expect(suggestionChanges("security", PLAIN, SUGGESTED)).toEqual([
      { id: REPLACE, authorId: VERA, at: expect.any(String), inserted: "forged", deleted: "replayed", changesFormat: false, state: "open" },
      { id: ADD, authorId: VERA, at: expect.any(String), inserted: " Twice.", deleted: "", changesFormat: false, state: "open" },
    ]);
    // unchanged suggestions are no change
    expect(suggestionChanges("security", SUGGESTED, SUGGESTED)).toEqual([]);
  });

  it("tells an accepted suggestion from a rejected one by the accepted text", () => {
    const settled = body(text("Threats: forged webhooks."));
    expect(suggestionChanges("security", SUGGESTED, settled).map((s) => [s.id, s.state])).toEqual([[REPLACE, "accepted"], [ADD, "rejected"]]);
    const other = body(text("Threats: replayed webhooks. Twice."));
    expect(suggestionChanges("security", SUGGESTED, other).map((s) => [s.id, s.state])).toEqual([[REPLACE, "rejected"], [ADD, "accepted"]]);
  });

  it("compares the accepted text, so an open suggestion is not shown as written text", () => {
    const [made] = diffSections([section(PLAIN)], [section(SUGGESTED)]).sections;
    expect(made!.status).toBe("changed");
    expect(made!.body).toBeNull();
    expect(made!.suggestions.map((s) => s.state)).toEqual(["open", "open"]);
    // accepting one changes the accepted text: the comparison shows that as text, and the suggestion as accepted
    const [accepted] = diffSections([section(SUGGESTED)], [section(body(text("Threats: forged webhooks.")))]).sections;
    expect(JSON.stringify(accepted!.body)).toContain('"value":"forged","added":true');
    expect(JSON.stringify(accepted!.body)).not.toContain("Twice");
    expect(accepted!.suggestions.map((s) => s.state)).toEqual(["accepted", "rejected"]);
  });
});
