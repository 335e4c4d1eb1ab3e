import type { GateProblem } from "./submitGate";

export interface GateGroup {
  /** null: the document's title */
  sectionKey: string | null;
  title: string;
  /** each problem with its place in the whole list and, for a placeholder, which occurrence of its text it is */
  problems: { index: number; occurrence: number; problem: GateProblem }[];
}

/**
 * The gate's problems grouped by section in the order they first appear, each keeping its
 * place in the whole list (for "next problem") and, for a placeholder, which occurrence of
 * its text in its section it is (the second "[Date]" is the second one on the page).
 */
export function groupProblems(problems: GateProblem[]): GateGroup[] {
  const groups = new Map<string, GateGroup>();
  const seen = new Map<string, number>();
  problems.forEach((problem, index) => {
    const id = problem.sectionKey ?? "";
    const group = groups.get(id) ?? { sectionKey: problem.sectionKey, title: problem.sectionTitle ?? "Title", problems: [] };
    groups.set(id, group);
    const textId = `${id}\u0000${problem.text ?? ""}`;
    const occurrence = problem.text === undefined ? 0 : (seen.get(textId) ?? 0);
    if (problem.text !== undefined) seen.set(textId, occurrence + 1);
    group.problems.push({ index, occurrence, problem });
  });
  return [...groups.values()];
}
