"use client";

import { createContext, useCallback, useContext, useMemo, useState, useSyncExternalStore } from "react";
import { DEFAULT_PANEL, formatPanelMemory, PANEL_COOKIE, type PanelMemory, type PanelTab } from "./panelMemory";

// the width at which the panel sits beside the text (Tailwind's `xl`); below it the panel is a
// section under the status bar that starts closed, so the text still comes first
const WIDE = "(min-width: 80rem)";

export interface PanelApi {
  tab: PanelTab;
  /** open beside the text on a wide screen (remembered) */
  wideOpen: boolean;
  /** open under the status bar on a narrow screen (for this visit only) */
  narrowOpen: boolean;
  /** the tabs this person may see */
  tabs: PanelTab[];
  show: (tab: PanelTab) => void;
  toggle: (tab: PanelTab) => void;
  close: () => void;
  /** whether the panel is open at the current width (as on a narrow screen until the page has started) */
  open: boolean;
}

const PanelContext = createContext<PanelApi | null>(null);

function remember(memory: PanelMemory): void {
  document.cookie = `${PANEL_COOKIE}=${formatPanelMemory(memory)}; path=/; max-age=31536000; samesite=lax`;
}

function wide(): boolean {
  return typeof window !== "undefined" && window.matchMedia(WIDE).matches;
}

function onWidth(listener: () => void): () => void {
  const query = window.matchMedia(WIDE);
  query.addEventListener("change", listener);
  return () => query.removeEventListener("change", listener);
}

/** The side panel's state, shared by the status bar's buttons and the panel itself. */
export function PanelProvider({ initial = DEFAULT_PANEL, tabs, children }: { initial?: PanelMemory; tabs: PanelTab[]; children: React.ReactNode }) {
  const [tab, setTab] = useState<PanelTab>(tabs.includes(initial.tab) ? initial.tab : "review");
  const [wideOpen, setWideOpen] = useState(initial.open);
  const [narrowOpen, setNarrowOpen] = useState(false);

  const isWide = useSyncExternalStore(onWidth, wide, () => false);
  const open = isWide ? wideOpen : narrowOpen;
  const show = useCallback(
    (next: PanelTab) => {
      setTab(next);
      if (wide()) {
        setWideOpen(true);
        remember({ open: true, tab: next });
      } else setNarrowOpen(true);
    },
    [],
  );
  const close = useCallback(() => {
    if (wide()) {
      setWideOpen(false);
      remember({ open: false, tab });
    } else setNarrowOpen(false);
  }, [tab]);
  const toggle = useCallback((next: PanelTab) => (open && tab === next ? close() : show(next)), [open, tab, close, show]);

  const api = useMemo(() => ({ tab, wideOpen, narrowOpen, tabs, show, toggle, close, open }), [tab, wideOpen, narrowOpen, tabs, show, toggle, close, open]);
  return <PanelContext.Provider value={api}>{children}</PanelContext.Provider>;
}

const ALONE: PanelApi = { tab: "review", wideOpen: true, narrowOpen: false, tabs: ["review"], show: () => {}, toggle: () => {}, close: () => {}, open: false };

export function usePanel(): PanelApi {
  return useContext(PanelContext) ?? ALONE;
}
