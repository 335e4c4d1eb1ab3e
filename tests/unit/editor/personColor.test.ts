import { describe, expect, it } from "vitest";
import { derivedPersonColor, keepPersonColors, PERSON_COLOR_VALUES, personColor } from "@/lib/editor/personColor";

describe("personColor", () => {
  it("derives a colour from the user id, the same each time, from the first seven of the palette", () => {
    const ids = Array.from({ length: 40 }, (_, i) => `user-${i}`);
    for (const id of ids) {
      expect(derivedPersonColor(id)).toBe(derivedPersonColor(id));
      expect(PERSON_COLOR_VALUES.slice(0, 7)).toContain(derivedPersonColor(id));
    }
    expect(new Set(ids.map(derivedPersonColor)).size).toBeGreaterThan(3);
  });

  it("gives the colour a person chose once a page kept it, and the derived one again when they chose none", () => {
    const id = "cm-chooser";
    expect(personColor(id)).toBe(derivedPersonColor(id));
    keepPersonColors([{ userId: id, color: "#0f766e" }, { userId: "cm-other", color: null }]);
    expect(personColor(id)).toBe("#0f766e");
    expect(personColor("cm-other")).toBe(derivedPersonColor("cm-other"));
    keepPersonColors([{ userId: id, color: null }]);
    expect(personColor(id)).toBe(derivedPersonColor(id));
  });
});
