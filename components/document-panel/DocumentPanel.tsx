"use client";

import { useRef, useState } from "react";
import { PANEL_TAB_LABELS, type PanelTab } from "./panelMemory";
import { usePanel } from "./usePanel";

interface Props {
  /** each tab's content; a tab missing here is not offered */
  content: Partial<Record<PanelTab, React.ReactNode>>;
}

const tabId = (tab: PanelTab) => `panel-tab-${tab}`;
export const panelId = (tab: PanelTab) => `panel-${tab}`;

/**
 * The document's side panel: review, comments, history and activity as tabs (arrow keys move
 * between them), closed with its button or Escape. The review tab is always mounted: it keeps the
 * review live for the status bar and the sign-off section; the others start when first shown.
 */
export function DocumentPanel({ content }: Props) {
  const panel = usePanel();
  const tabs = panel.tabs.filter((t) => content[t] !== undefined);
  const [seen, setSeen] = useState<Set<PanelTab>>(() => new Set(["review", panel.tab]));
  if (!seen.has(panel.tab)) setSeen(new Set([...seen, panel.tab]));
  const buttons = useRef(new Map<PanelTab, HTMLButtonElement>());

  function onTabKey(e: React.KeyboardEvent, at: number) {
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    panel.show(tab);
    buttons.current.get(tab)?.focus();
  }

  function onKey(e: React.KeyboardEvent) {
    if (e.key !== "Escape" || e.defaultPrevented) return;
    // a dialog opened from the panel closes first; focus goes back to the status bar's button
    if ((e.target as HTMLElement).closest("[role=dialog]")) return;
    e.preventDefault();
    panel.close();
    document.getElementById(`panel-toggle-${panel.tab}`)?.focus();
  }

  return (
    <aside
      aria-label="Document panel"
      onKeyDown={onKey}
      className={`${panel.narrowOpen ? "block" : "hidden"} ${panel.wideOpen ? "xl:block" : "xl:hidden"} min-w-0 rounded-xl bg-white shadow-sm ring-1 ring-slate-200 xl:sticky xl:top-4 xl:col-start-2 xl:row-span-2 xl:row-start-1 xl:max-h-[calc(100vh-2rem)] xl:self-start xl:overflow-y-auto`}
    >
      <div className="sticky top-0 z-10 flex items-center gap-1 rounded-t-xl border-b border-slate-200 bg-white px-2 pt-2">
        <div role="tablist" aria-label="Panel tabs" className="flex min-w-0 flex-1 overflow-x-auto">
          {tabs.map((tab, i) => (
            <button
              key={tab}
              ref={(el) => {
                if (el) buttons.current.set(tab, el);
              }}
              type="button"
              role="tab"
              id={tabId(tab)}
              aria-selected={panel.tab === tab}
              aria-controls={panelId(tab)}
              tabIndex={panel.tab === tab ? 0 : -1}
              onClick={() => panel.show(tab)}
              onKeyDown={(e) => onTabKey(e, i)}
              className={`-mb-px shrink-0 border-b-2 px-2 py-2 text-sm font-medium ${panel.tab === tab ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            >
              {PANEL_TAB_LABELS[tab]}
            </button>
          ))}
        </div>
        <button type="button" onClick={panel.close} aria-label="Close panel" title="Close panel (Esc)" className="mb-1 rounded-md px-2 py-1 text-lg leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-800">
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {tabs.map((tab) => (
        <div key={tab} role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} hidden={panel.tab !== tab} tabIndex={0} className="p-4 focus-visible:outline-2 focus-visible:outline-indigo-600">
          {seen.has(tab) ? content[tab] : null}
        </div>
      ))}
    </aside>
  );
}
