"use client";

import { useEffect } from "react";

/**
 * Calls `load` now (or, with `immediately: false`, first after `ms`: the page came with the
 * answer) and again `ms` after each answer, while the page is visible: the next call
 * waits for the last answer, so a slow server is not asked again and again, and a tab in the
 * background asks nothing until it is shown again, when it asks at once.
 */
export function usePoll(load: () => Promise<void>, ms: number, { immediately = true }: { immediately?: boolean } = {}): void {
  useEffect(() => {
    let live = true;
    let running = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const visible = () => document.visibilityState === "visible";
    const poll = async () => {
      running = true;
      try {
        await load();
      } finally {
        running = false;
      }
      if (!live) return;
      timer = setTimeout(() => {
        timer = undefined;
        if (visible()) void poll();
      }, ms);
    };
    const onVisibility = () => {
      if (!live || !visible() || running) return;
      clearTimeout(timer);
      void poll();
    };
    document.addEventListener("visibilitychange", onVisibility);
    if (immediately) void poll();
    else timer = setTimeout(() => visible() && void poll(), ms);
    return () => {
      live = false;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [load, ms, immediately]);
}
