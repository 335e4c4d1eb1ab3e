"use client";

import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};
import { Button } from "../ui/Button";

/** A read-only absolute link with a copy button. */
export function CopyLink({ path, label }: { path: string; label: string }) {
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => "");
  const [copied, setCopied] = useState(false);
  const url = `${origin}${path}`;
  return (
    <div className="mt-2 flex items-center gap-2">
      <input aria-label={label} readOnly value={url} className="w-full rounded-md border-0 bg-white px-2 py-1 font-mono text-xs text-slate-800 ring-1 ring-inset ring-slate-300" onFocus={(e) => e.target.select()} />
      <Button
        variant="secondary"
        type="button"
        onClick={async () => {
          await navigator.clipboard?.writeText(url).catch(() => undefined);
          setCopied(true);
        }}
      >
        {copied ? "Copied" : "Copy"}
      </Button>
    </div>
  );
}
