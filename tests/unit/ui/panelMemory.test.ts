import { describe, expect, it } from "vitest";
import { DEFAULT_PANEL, formatPanelMemory, parsePanelMemory } from "@/components/document-panel/panelMemory";

describe("the side panel's remembered state", () => {
  it("reads back what it wrote, for every tab, open and closed", () => {
    for (const tab of ["review", "comments", "history", "activity"] as const) {
      for (const open of [true, false]) expect(parsePanelMemory(formatPanelMemory({ open, tab }))).toEqual({ open, tab });
    }
  });

  it("opens on the review when nothing, or nothing it knows, is remembered", () => {
    for (const value of [undefined, "", "open", "closed.", "open.settings", "shut.review", "open.review.extra"]) expect(parsePanelMemory(value)).toEqual(DEFAULT_PANEL);
    expect(DEFAULT_PANEL).toEqual({ open: true, tab: "review" });
  });
});
