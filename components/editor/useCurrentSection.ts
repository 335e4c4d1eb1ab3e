"use client";

import { useEffect, useState } from "react";
import { sectionAtLine } from "./sectionMarks";

/**
 * Where the reading line sits, in pixels from the window's top: near it, so a short card (an
 * empty parent section) is current while it is at the top rather than skipped.
 */
const READING_LINE_PX = 100;

/**
 * The key of the section being read: the last card whose top has passed a line near the
 * window's top, measured once a frame while the page scrolls. `sectionList` changes when
 * sections come, go or move.
 */
export function useCurrentSection(sectionList: string): string | null {
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const cards = document.querySelectorAll<HTMLElement>("section.sw-section[data-section-key]");
      if (!cards.length) return setCurrent(null);
      const index = sectionAtLine(cards.length, (i) => cards[i]!.getBoundingClientRect().top, READING_LINE_PX);
      setCurrent(cards[index]!.dataset.sectionKey ?? null);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    schedule();
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
    };
  }, [sectionList]);
  return current;
}
