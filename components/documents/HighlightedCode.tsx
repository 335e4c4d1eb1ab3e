"use client";

import { useCallback, useRef, useSyncExternalStore, type ReactNode, type RefObject } from "react";
import { loadedHighlighter, loadHighlighter, type Highlighter } from "@/lib/editor/codeHighlight";

const none = () => null;

/**
 * The code highlighter, once it has loaded: `wanted` (something under `ref` names a language)
 * loads it when `ref`'s element comes near the screen. Null until then, and while rendering
 * on the server and hydrating (the server drew plain text).
 */
export function useHighlighter(ref: RefObject<HTMLElement | null>, wanted: boolean): Highlighter | null {
  const subscribe = useCallback(
    (loaded: () => void) => {
      const el = ref.current;
      if (!wanted || !el) return () => {};
      let live = true;
      const observer = new IntersectionObserver((entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        void loadHighlighter().then(() => live && loaded());
      }, { rootMargin: "600px 0px" });
      observer.observe(el);
      return () => {
        live = false;
        observer.disconnect();
      };
    },
    [ref, wanted],
  );
  return useSyncExternalStore(subscribe, () => (wanted ? loadedHighlighter() : null), none);
}

/**
 * A read-only code block's text, syntax-highlighted once the highlighter has loaded (it is
 * loaded only when a block that names a language comes near the screen). Hydration renders
 * plain text, as the server did.
 */
export function HighlightedCode({ code, language }: { code: string; language: string }) {
  const ref = useRef<HTMLElement>(null);
  const highlight = useHighlighter(ref, language !== "");
  const spans = highlight && language ? highlight(code, language) : null;
  if (!spans) return <code ref={ref} className={language ? `language-${language}` : undefined}>{code}</code>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.from > at) parts.push(code.slice(at, span.from));
    parts.push(<span key={span.from} className={span.classes}>{code.slice(span.from, span.to)}</span>);
    at = span.to;
  }
  if (at < code.length) parts.push(code.slice(at));
  return <code ref={ref} className={`language-${language}`}>{parts}</code>;
}
