"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { Button } from "@/components/ui/Button";

/** Shown when the server closed the document for this person: their text, ready to copy. */
export function AccessLostDialog({ ydoc }: { ydoc: Y.Doc }) {
  const [text, setText] = useState("");
  const [copied, setCopied] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    let live = true;
    // the Markdown writer loads only when someone needs it
    void import("@/lib/collab/unsavedText").then(({ unsavedMarkdown }) => live && setText(unsavedMarkdown(ydoc)));
    return () => {
      live = false;
    };
  }, [ydoc]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      area.current?.select();
      document.execCommand("copy");
    }
    setCopied(true);
  };

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/60 p-4">
      <div role="alertdialog" aria-modal="true" aria-labelledby="access-lost-title" aria-describedby="access-lost-text" className="w-full max-w-2xl space-y-4 rounded-lg bg-white p-6 shadow-xl">
        <h2 id="access-lost-title" className="text-lg font-semibold text-slate-900">Access removed</h2>
        <p id="access-lost-text" className="text-sm text-slate-700">
          You no longer have access. Your last changes were not saved. Copy your text to keep it.
        </p>
        <textarea ref={area} readOnly value={text} aria-label="Your text" rows={12} className="w-full rounded-md p-2 font-mono text-xs ring-1 ring-slate-300" />
        <div className="flex items-center justify-end gap-3">
          {copied ? <span role="status" className="text-sm text-slate-600">Copied</span> : null}
          <Link prefetch={false} href="/" className="text-sm font-medium text-indigo-700 hover:underline">Go to your workspaces</Link>
          <Button type="button" autoFocus onClick={() => void copy()}>Copy text</Button>
        </div>
      </div>
    </div>
  );
}
