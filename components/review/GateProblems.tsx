"use client";

import { useMemo, useState } from "react";
import { groupProblems } from "@/lib/review/gateGroups";
import type { GateProblem } from "@/lib/review/submitGate";
import { Button } from "../ui/Button";
import { problemHref, revealProblem } from "./revealProblem";

/**
 * Every problem the submit gate found, grouped by section, with "Next problem" stepping
 * through them in reading order: each is brought into view, a placeholder selected.
 */
export function GateProblems({ problems }: { problems: GateProblem[] }) {
  const groups = useMemo(() => groupProblems(problems), [problems]);
  const [current, setCurrent] = useState(-1);
  const go = (index: number) => {
    const at = groups.flatMap((g) => g.problems).find((p) => p.index === index);
    if (!at) return;
    setCurrent(index);
    revealProblem(at.problem, at.occurrence);
  };

  return (
    <div className="mt-2 space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="secondary" onClick={() => go((current + 1) % problems.length)}>
          {current < 0 ? "Go to the first problem" : "Next problem"}
        </Button>
        <span aria-live="polite" className="text-xs">
          {current < 0 ? `${problems.length} to fix in ${groups.length} ${groups.length === 1 ? "place" : "places"}` : `Problem ${current + 1} of ${problems.length}`}
        </span>
      </div>
      <div aria-label="Problems to fix" role="list" className="max-h-80 space-y-2 overflow-y-auto">
        {groups.map((group) => (
          <div role="listitem" key={group.roles ? "(reviewers)" : (group.sectionKey ?? "")}>
            <p className="font-semibold">
              {group.title} <span className="font-normal">({group.problems.length})</span>
            </p>
            <ul className="list-disc pl-5" aria-label={`Problems in ${group.title}`}>
              {group.problems.map(({ index, problem }) => (
                <li key={index} aria-current={index === current ? "step" : undefined} className={index === current ? "font-semibold" : undefined}>
                  <a
                    className="underline"
                    href={problemHref(problem)}
                    onClick={(e) => {
                      e.preventDefault();
                      go(index);
                    }}
                  >
                    {problem.detail}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}
