import { describe, expect, it } from "vitest";
import { fieldDefsOf, fieldInWords, fieldLabel, personIds } from "@/lib/documents/fieldWords";

const names = {
  fields: fieldDefsOf([
    {
      key: "meta",
      fields: [
        { key: "author", label: "Author", type: "person", required: false },
        { key: "reviewers", label: "Reviewers", type: "people", required: false },
        { key: "quality_level", label: "Quality level", type: "select", required: false },
      ],
    },
  ]),
  people: { cmx5bmek00004vs7d66xdscmp: "Ada Lovelace", u2: "Grace Hopper" },
};

describe("fields in words", () => {
  it("shows people by name, never by id", () => {
    expect(fieldInWords(names, "meta", "author", "cmx5bmek00004vs7d66xdscmp")).toBe("Ada Lovelace");
    expect(fieldInWords(names, "meta", "reviewers", ["u2", "gone"])).toBe("Grace Hopper, Unknown person");
    expect(fieldInWords(names, "meta", "quality_level", "cmx5bmek00004vs7d66xdscmp")).toBe("cmx5bmek00004vs7d66xdscmp");
    expect(fieldInWords(names, "meta", "author", null)).toBe("—");
  });

  it("labels a field by the template's label, or its key in words", () => {
    expect(fieldLabel(names, "meta", "quality_level")).toBe("Quality level");
    expect(fieldLabel(names, "other", "review_date")).toBe("Review date");
  });

  it("finds the ids person fields hold", () => {
    expect(personIds(names.fields, [{ key: "meta", fields: { author: "u1", reviewers: ["u2", "u3"], quality_level: "high" } }])).toEqual(["u1", "u2", "u3"]);
  });
});
