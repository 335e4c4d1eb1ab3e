"use client";

import { useContext } from "react";
import { plural } from "@/lib/util/plural";
import { ThreadsContext } from "./threadsContext";

/** Takes the reader to a thread in its section (or to the section, when the thread is folded away). */
function goTo(threadId: string, sectionKey: string): void {
  const target = document.querySelector<HTMLElement>(`[data-thread="${CSS.escape(threadId)}"]`) ?? document.getElementById(`section-${sectionKey}`);
  target?.scrollIntoView({ block: "center" });
  target?.focus({ preventScroll: true });
}

/** The document's comment threads, open ones first; choosing one scrolls to it. */
export function CommentsTab({ sectionTitles }: { sectionTitles: Record<string, string> }) {
  const threads = useContext(ThreadsContext);
  const sorted = [...threads].sort((a, b) => Number(a.resolved) - Number(b.resolved));
  const open = threads.filter((t) => !t.resolved).length;
  if (!threads.length) return <p className="text-sm text-slate-500">No comments yet. Select text in a section and choose Comment.</p>;
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-500">{plural(open, "open thread")}, {threads.length - open} resolved</p>
      <ul aria-label="Comment threads" className="space-y-2">
        {sorted.map((t) => {
          const first = t.comments[0];
          const replies = t.comments.length - 1;
          return (
            <li key={t.id}>
              <a
                href={`#section-${t.sectionKey}`}
                onClick={(e) => {
                  e.preventDefault();
                  goTo(t.id, t.sectionKey);
                }}
                className={`block rounded-lg p-2.5 text-sm ring-1 hover:bg-slate-50 ${t.resolved ? "text-slate-500 ring-slate-200" : "ring-amber-200"}`}
              >
                <span className="block text-xs font-medium text-slate-500">
                  {sectionTitles[t.sectionKey] ?? t.sectionKey}
                  {t.resolved ? " · resolved" : ""}
                </span>
                {t.quote ? <span className="mt-0.5 block truncate border-l-2 border-amber-300 pl-2 text-xs italic text-slate-600">{t.quote}</span> : null}
                {first ? (
                  <span className="mt-1 block line-clamp-2">
                    <strong className="font-medium">{first.author}</strong> {first.body}
                  </span>
                ) : null}
                {replies > 0 ? <span className="mt-0.5 block text-xs text-slate-500">{plural(replies, "reply", "replies")}</span> : null}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
