"use client";

import { useEffect } from "react";
import { slugsInOrder } from "@/lib/markdown/anchors";

/**
 * Section titles (the cards carry them) and the headings typed in section bodies, in page
 * order: in an editor, or in a body shown read-only until its editor starts (SectionBody).
 */
const HEADINGS = ["[data-anchor-title]", ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`.ProseMirror > h${n}`, `[data-static-body] > div > h${n}`])].join(", ");

/**
 * The element a `#anchor` names on the editor page: GitHub's slugs of the section titles and
 * body headings, counted in page order as the export writes them (the cards and headings are
 * live, so the ids are worked out when a link is followed rather than stored in the editor).
 */
function anchorTarget(id: string): HTMLElement | null {
  const nodes = Array.from(document.querySelectorAll<HTMLElement>(HEADINGS)).filter((n) => (n.dataset.anchorTitle ?? n.textContent ?? "").trim() !== "");
  const slugs = slugsInOrder(nodes.map((n) => n.dataset.anchorTitle ?? n.textContent ?? ""));
  const at = slugs.indexOf(id);
  return at < 0 ? null : (nodes[at] ?? null);
}

function follow(hash: string): boolean {
  let id: string;
  try {
    id = decodeURIComponent(hash.replace(/^#/, ""));
  } catch {
    return false;
  }
  if (!id || document.getElementById(id)) return false;
  const target = anchorTarget(id);
  if (!target) return false;
  target.scrollIntoView({ block: "start" });
  return true;
}

/** `#anchor` links in section text (`[Summary](#summary)`) go to the section or heading they name. */
export function useAnchorLinks(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.("a[href^='#']");
      const hash = link?.getAttribute("href");
      if (!hash || !link?.closest("section[data-section-key]")) return;
      if (follow(hash)) {
        e.preventDefault();
        e.stopPropagation();
        history.replaceState(null, "", hash);
      }
    };
    document.addEventListener("click", onClick, true);
    // a page opened at /…#summary: the sections are there once the document has loaded
    if (location.hash) follow(location.hash);
    return () => document.removeEventListener("click", onClick, true);
  }, [ready]);
}
