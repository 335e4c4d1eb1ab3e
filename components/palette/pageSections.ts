/** A section of the document shown on the page. */
export interface PageSection {
  key: string;
  title: string;
}

const SECTIONS = "section[data-section-key]";

/**
 * The sections on the page, in page order, with their titles: the editor's cards carry the
 * title in `data-anchor-title`; read-only views name theirs with `aria-labelledby`.
 */
export function readPageSections(root: ParentNode = document): PageSection[] {
  const seen = new Set<string>();
  const sections: PageSection[] = [];
  for (const el of root.querySelectorAll<HTMLElement>(SECTIONS)) {
    const key = el.dataset.sectionKey ?? "";
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const labelledBy = el.getAttribute("aria-labelledby");
    const heading = labelledBy ? el.ownerDocument.getElementById(labelledBy) : null;
    const title = (el.dataset.anchorTitle ?? heading?.textContent ?? "").trim();
    sections.push({ key, title: title || "Untitled section" });
  }
  return sections;
}

/** Frames the section must stay put for, and the most frames to wait for that. */
const STEADY_FRAMES = 10;
const MAX_FRAMES = 120;

/**
 * Scrolls the section to the top of the window and keeps it there while the cards it passed
 * settle: cards are laid out only near the screen (`content-visibility: auto` in globals.css),
 * so those drawn around it on arrival can take other heights than their estimate and move it
 * away. Stops once it stays put, or at once when the person scrolls or types.
 */
function keepInView(el: HTMLElement): void {
  el.scrollIntoView({ block: "start" });
  let top = el.getBoundingClientRect().top;
  let steady = 0;
  let frames = 0;
  let frame = 0;
  const stop = () => {
    cancelAnimationFrame(frame);
    for (const type of ["wheel", "touchstart", "keydown", "pointerdown"]) window.removeEventListener(type, stop, true);
  };
  const check = () => {
    const now = el.getBoundingClientRect().top;
    if (Math.abs(now - top) > 1) {
      el.scrollIntoView({ block: "start" });
      top = el.getBoundingClientRect().top;
      steady = 0;
    } else steady++;
    if (steady >= STEADY_FRAMES || ++frames >= MAX_FRAMES) return stop();
    frame = requestAnimationFrame(check);
  };
  for (const type of ["wheel", "touchstart", "keydown", "pointerdown"]) window.addEventListener(type, stop, { capture: true, passive: true });
  frame = requestAnimationFrame(check);
}

/**
 * Scrolls to a section and moves the focus to it (a screen reader reads its title), and puts
 * its anchor (`#section-key`) in the address so the link can be shared. False when it is gone.
 */
export function jumpToSection(key: string): boolean {
  const el = Array.from(document.querySelectorAll<HTMLElement>(SECTIONS)).find((s) => s.dataset.sectionKey === key);
  if (!el) return false;
  keepInView(el);
  if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
  el.focus({ preventScroll: true });
  if (el.id) history.replaceState(history.state, "", `#${el.id}`);
  return true;
}
