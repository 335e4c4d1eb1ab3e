import type { GateProblem } from "@/lib/review/submitGate";

/** The `occurrence`-th place `text` appears in `root`, as a range, when it sits in one text node. */
function findText(root: Element, text: string, occurrence: number): Range | null {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let left = occurrence;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? "";
    for (let at = value.indexOf(text); at >= 0; at = value.indexOf(text, at + text.length)) {
      if (left-- > 0) continue;
      const range = root.ownerDocument.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      return range;
    }
  }
  return null;
}

/** Where a problem is fixed on the page: a sign-off role's row in the review panel, a section, or the title. */
export function problemHref(problem: GateProblem): string {
  if (problem.roleKey !== undefined) return `#review-role-${problem.roleKey}`;
  return problem.sectionKey ? `#section-${problem.sectionKey}` : "#";
}

/**
 * Brings a gate problem into view: a role's reviewer picker for a role without a reviewer,
 * the title field for the title, else its section, with a placeholder's text selected when
 * the page shows it (so it can be typed over at once).
 */
export function revealProblem(problem: GateProblem, occurrence: number): void {
  if (problem.roleKey !== undefined) {
    const row = document.getElementById(problemHref(problem).slice(1));
    row?.scrollIntoView({ block: "center", behavior: "smooth" });
    (row?.querySelector<HTMLElement>("select") ?? row)?.focus({ preventScroll: true });
    return;
  }
  if (problem.sectionKey === null) {
    const title = document.querySelector<HTMLInputElement>('input[aria-label="Document title"]');
    title?.focus();
    if (title && problem.text) {
      const at = title.value.indexOf(problem.text);
      if (at >= 0) title.setSelectionRange(at, at + problem.text.length);
    }
    return;
  }
  const section = document.getElementById(`section-${problem.sectionKey}`);
  if (!section) return;
  const body = section.querySelector(".sw-prose") ?? section;
  const range = problem.text ? findText(body, problem.text, occurrence) : null;
  if (!range) {
    section.scrollIntoView({ block: "start", behavior: "smooth" });
    return;
  }
  range.startContainer.parentElement?.scrollIntoView({ block: "center", behavior: "smooth" });
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}
