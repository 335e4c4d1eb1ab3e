import { describe, expect, it } from "vitest";
import { containsPattern, fieldChoices, findFields, findPeople } from "@/lib/documents/listFilters";

const definitions = [
  { sections: [{ fields: [{ key: "rto", label: "Recovery time objective", type: "text" as const }, { key: "reviewers", label: "Reviewers", type: "people" as const }] }] },
  { sections: [{ fields: [{ key: "rto", label: "RTO", type: "text" as const }, { key: "owner_team", label: "Owner", type: "text" as const }] }, { fields: [] }] },
];

describe("list filters", () => {
  it("offers each field once, by its labels, marking people fields", () => {
    expect(fieldChoices(definitions)).toEqual([
      { key: "owner_team", label: "Owner", labels: ["Owner"], people: false },
      { key: "rto", label: "Recovery time objective / RTO", labels: ["Recovery time objective", "RTO"], people: false },
      { key: "reviewers", label: "Reviewers", labels: ["Reviewers"], people: true },
    ]);
  });

  it("finds a field by key or any label, ignoring case, and nothing for an unknown name", () => {
    const choices = fieldChoices(definitions);
    expect(findFields(choices, "rto").map((f) => f.key)).toEqual(["rto"]);
    expect(findFields(choices, " recovery TIME objective ").map((f) => f.key)).toEqual(["rto"]);
    expect(findFields(choices, "Project")).toEqual([]);
  });

  it("finds people by me, id, email or part of a name", () => {
    const people = [
      { id: "u1", name: "Ada Lovelace", email: "ada@example.test" },
      { id: "u2", name: "Adam Díaz", email: "adam@example.test" },
    ];
    expect(findPeople(people, "Me", "u9")).toEqual(["u9"]);
    expect(findPeople(people, "u2", "u9")).toEqual(["u2"]);
    expect(findPeople(people, "ADA@example.test", "u9")).toEqual(["u1"]);
    expect(findPeople(people, "ada", "u9")).toEqual(["u1", "u2"]);
    expect(findPeople(people, "díaz", "u9")).toEqual(["u2"]);
    expect(findPeople(people, "Zed", "u9")).toEqual([]);
  });

  it("takes % _ and \\ literally in a contains pattern", () => {
    expect(containsPattern(" 50%_off\\ ")).toBe("%50\\%\\_off\\\\%");
  });
});
