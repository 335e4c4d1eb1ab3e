import type { GateProblem } from "./submitGate";

export interface GateGroup {
  /** null: the document's title, or the sign-off roles (`roles`) */
  sectionKey: string | null;
  /** the group of sign-off roles that need a reviewer */
  roles: boolean;
  title: string;
  /** each problem with its place in the whole list and, for a placeholder, which occurrence of its text it is */
  problems: { index: number; occurrence: number; problem: GateProblem }[];
}

/**
 * The gate's problems grouped by section in the order they first appear (sign-off roles
 * without a reviewer together under "Reviewers"), each keeping its
 * place in the whole list (for "next problem") and, for a placeholder, which occurrence of
 * its text in its section it is (the second "[Date]" is the second one on the page).
 */
export function groupProblems(problems: GateProblem[]): GateGroup[] {
  const groups = new Map<string, GateGroup>();
  const seen = new Map<string, number>();
  problems.forEach((problem, index) => {
    const roles = problem.roleKey !== undefined;
    const id = roles ? "\u0001roles" : (problem.sectionKey ?? "");
    const group = groups.get(id) ?? { sectionKey: problem.sectionKey, roles, title: roles ? "Reviewers" : (problem.sectionTitle ?? "Title"), problems: [] };
    groups.set(id, group);
    const textId = `${id}\u0000${problem.text ?? ""}`;
    const occurrence = problem.text === undefined ? 0 : (seen.get(textId) ?? 0);
    if (problem.text !== undefined) seen.set(textId, occurrence + 1);
    group.problems.push({ index, occurrence, problem });
  });
  return [...groups.values()];
}
