"use client";

import { Suspense, useState, type ReactNode } from "react";

/**
 * A <details> whose content is rendered only once it is opened (and stays rendered):
 * content from a lazily loaded module costs nothing until someone asks for it.
 */
export function Disclosure({ summary, className, onToggle, children }: { summary: ReactNode; className?: string; onToggle?: (open: boolean) => void; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className={className}
      onToggle={(e) => {
        const open = (e.currentTarget as HTMLDetailsElement).open;
        if (open) setOpened(true);
        onToggle?.(open);
      }}
    >
      <summary className="cursor-pointer font-medium text-slate-700">{summary}</summary>
      {opened ? <Suspense fallback={<p className="mt-1 text-xs text-slate-500">Loading…</p>}>{children}</Suspense> : null}
    </details>
  );
}
