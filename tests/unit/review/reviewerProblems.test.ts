import { describe, expect, it } from "vitest";
import { groupProblems } from "@/lib/review/gateGroups";
import { signoffRolesOf } from "@/lib/review/roles";
import { reviewerProblems, rolesWithoutReviewer, type GateProblem } from "@/lib/review/submitGate";
import { TemplateDefinition } from "@/lib/templates/schema";

// a template as stored before roles had the setting
const stored = TemplateDefinition.parse({
  key: "t",
  name: "T",
  description: "",
  sections: [{ key: "design", title: "Design", depth: 1 }],
  signoffRoles: [
    { key: "lead", name: "Technical Lead", scope: [] },
    { key: "security", name: "Security Review", scope: ["design"] },
  ],
});

describe("roles without a reviewer", () => {
  it("reads templates and document roles stored without the setting as warning only", () => {
    expect(stored.signoffRoles.map((r) => r.blocksWithoutReviewer)).toEqual([false, false]);
    const own = signoffRolesOf({ signoffRoles: [{ key: "dba", name: "DBA", scope: [] }] }, stored);
    expect(own).toEqual([{ key: "dba", name: "DBA", scope: [], blocksWithoutReviewer: false }]);
    expect(reviewerProblems(stored.signoffRoles, [])).toEqual([]);
  });

  it("makes a problem only of the blocking roles nobody is assigned to", () => {
    const roles = stored.signoffRoles.map((r) => ({ ...r, blocksWithoutReviewer: true }));
    expect(reviewerProblems(roles, [{ roleKey: "lead" }]).map((p) => [p.kind, p.roleKey, p.detail])).toEqual([
      ["no-reviewer", "security", "Assign a reviewer for Security Review: this role needs one before review."],
    ]);
    const split = rolesWithoutReviewer([roles[0]!, stored.signoffRoles[1]!], []);
    expect([split.blocking.map((r) => r.name), split.warning.map((r) => r.name)]).toEqual([["Technical Lead"], ["Security Review"]]);
  });

  it("groups the roles under Reviewers, apart from the title's problems", () => {
    const title: GateProblem = { sectionKey: null, sectionTitle: null, kind: "placeholder", detail: "Replace “[X]”.", message: "Title: replace “[X]”.", text: "[X]" };
    const roles = stored.signoffRoles.map((r) => ({ ...r, blocksWithoutReviewer: true }));
    const groups = groupProblems([title, ...reviewerProblems(roles, [])]);
    expect(groups.map((g) => [g.title, g.roles, g.problems.map((p) => p.index)])).toEqual([
      ["Title", false, [0]],
      ["Reviewers", true, [1, 2]],
    ]);
  });
});
