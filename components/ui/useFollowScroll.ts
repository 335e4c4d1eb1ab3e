"use client";

import { useEffect, useEffectEvent } from "react";

/**
 * While `active`, calls `follow` once a frame at most when the page (or anything in it)
 * scrolls or the window changes size: a popup fixed on the screen keeps to what it belongs to.
 */
export function useFollowScroll(active: boolean, follow: () => void): void {
  const onMove = useEffectEvent(follow);
  useEffect(() => {
    if (!active) return;
    let frame = 0;
    const moved = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => onMove());
    };
    window.addEventListener("scroll", moved, { capture: true, passive: true });
    window.addEventListener("resize", moved);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", moved, { capture: true });
      window.removeEventListener("resize", moved);
    };
  }, [active]);
}
