import { describe, expect, it } from "vitest";
import { titleChange } from "@/lib/sync/titleChange";

const file = (title: string, heading = title) => `---\ntitle: ${title}\nstatus: draft\n---\n\n# ${heading}\n\n## Context\n\nText.\n`;

describe("titleChange", () => {
  it("takes a title renamed in the front matter or in the H1 while the document kept the base's", () => {
    expect(titleChange(file("Ledger"), file("Payments ledger", "Ledger"), "Ledger")).toEqual({ to: "Payments ledger" });
    expect(titleChange(file("Ledger"), file("Ledger", "Payments ledger ##"), "Ledger")).toEqual({ to: "Payments ledger" });
    // both renamed: the front matter's wins
    expect(titleChange(file("Ledger"), file("From front matter", "From heading"), "Ledger")).toEqual({ to: "From front matter" });
    expect(titleChange("# Ledger\n\nText.\n", "# Payments ledger\n\nText.\n", "Ledger")).toEqual({ to: "Payments ledger" });
  });

  it("refuses a rename when the document was renamed too, and sees no change when the titles agree", () => {
    expect(titleChange(file("Ledger"), file("Payments ledger"), "Ledger v2")).toEqual({ refused: "both" });
    expect(titleChange(file("Ledger"), file("Payments ledger"), "Payments ledger")).toBeNull();
    expect(titleChange(file("Ledger"), file("Ledger"), "Anything")).toBeNull();
    // a title removed from the copy is no rename
    expect(titleChange(file("Ledger"), "## Context\n\nText.\n", "Ledger")).toBeNull();
  });
});
