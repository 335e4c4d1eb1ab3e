"use client";

import { usePathname } from "next/navigation";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { isMacPlatform, shortcutText } from "@/lib/editor/shortcuts";
import { useMacShortcuts } from "../editor/usePlatformShortcuts";
import { PartBoundary } from "../ui/PartBoundary";
import { documentIdOf } from "./documentPath";
import type { PaletteAbilities } from "./paletteActions";
import { SearchIcon } from "./SearchIcon";
import { PaletteLoading } from "./PaletteLoading";
import { paletteAskedEarly } from "./earlyKeys";
import { isPaletteShortcut, PALETTE_KEYS } from "./paletteShortcut";

// the palette's code (cmdk and the lists) comes on first use, so no page loads it up front
const load = () => import("./CommandPalette");
const CommandPalette = lazy(() => load().then((m) => ({ default: m.CommandPalette })));

interface Props {
  slug: string;
  can: PaletteAbilities;
}

/**
 * The header's "Search or jump to…" button and the keys that open the palette from anywhere
 * on a workspace page: Ctrl/Cmd+P (instead of printing) and Ctrl/Cmd+/.
 */
export function PaletteLauncher({ slug, can }: Props) {
  const [open, setOpen] = useState(false);
  const mac = useMacShortcuts();
  const documentId = documentIdOf(usePathname() ?? "");
  // typed before the palette's code came (the first time it opens)
  const [early, setEarly] = useState("");
  // where the focus goes back to when it closes
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  // what to do once the palette has closed and the focus is back (open a page, jump to a section)
  const afterClose = useRef<(() => void) | null>(null);

  const show = useCallback(() => {
    setOpener(document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null);
    setEarly("");
    setOpen(true);
  }, []);

  const close = useCallback((then?: () => void) => {
    afterClose.current = then ?? null;
    setOpen(false);
  }, []);

  const isOpen = useRef(open);
  useEffect(() => {
    isOpen.current = open;
    if (open) return;
    const then = afterClose.current;
    afterClose.current = null;
    then?.();
  }, [open]);

  useEffect(() => {
    // the shortcut pressed before this code ran, held by the page's inline script (an outside system)
    // eslint-disable-next-line react-hooks/set-state-in-effect -- known only once the page runs
    if (paletteAskedEarly()) setOpen(true);
    const onKey = (event: KeyboardEvent) => {
      if (!isPaletteShortcut(event, isMacPlatform(navigator.platform || navigator.userAgent))) return;
      event.preventDefault();
      event.stopPropagation();
      if (isOpen.current) close();
      else show();
    };
    // capture: before an editor's own keys see it
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [show, close]);

  const keys = PALETTE_KEYS.map((k) => shortcutText(k, mac));
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-keyshortcuts={keys.map((k) => k.aria).join(" ")}
        onClick={show}
        onPointerEnter={() => void load()}
        onFocus={() => void load()}
        className="inline-flex items-center gap-2 rounded-md px-2 py-1.5 text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 xl:py-1"
      >
        <SearchIcon />
        {/* the button's name, shown from xl; the shortcut is told by aria-keyshortcuts */}
        <span className="sr-only text-slate-600 xl:not-sr-only">Search or jump to…</span>
        <kbd aria-hidden="true" className="hidden rounded border border-slate-200 bg-slate-50 px-1.5 font-sans text-xs text-slate-600 2xl:inline">{keys[0]!.label}</kbd>
      </button>
      {open ? (
        <PartBoundary>
          <Suspense fallback={<PaletteLoading query={early} onQuery={setEarly} onClose={() => close(() => opener?.focus())} />}>
            <CommandPalette slug={slug} documentId={documentId} can={can} shortcut={keys[0]!.label} initialQuery={early} opener={opener} onClose={close} />
          </Suspense>
        </PartBoundary>
      ) : null}
    </>
  );
}
