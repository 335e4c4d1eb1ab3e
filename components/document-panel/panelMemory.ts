/** The side panel's tabs, in the order they are shown. */
export const PANEL_TABS = ["review", "comments", "history", "activity"] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

export const PANEL_TAB_LABELS: Record<PanelTab, string> = { review: "Review", comments: "Comments", history: "History", activity: "Activity" };

/**
 * Whether the side panel is open on a wide screen, and on which tab, as this browser last left
 * it. Kept in a cookie rather than localStorage so the server draws the page as it was left: a
 * closed panel does not show at first paint and then jump away, moving the text.
 */
export interface PanelMemory {
  open: boolean;
  tab: PanelTab;
}

export const PANEL_COOKIE = "specwright-panel";

export const DEFAULT_PANEL: PanelMemory = { open: true, tab: "review" };

/** "open.comments" → { open: true, tab: "comments" }; anything else is the default. */
export function parsePanelMemory(value: string | undefined): PanelMemory {
  const [state, tab] = (value ?? "").split(".");
  const known = PANEL_TABS.find((t) => t === tab);
  if ((state !== "open" && state !== "closed") || !known) return DEFAULT_PANEL;
  return { open: state === "open", tab: known };
}

export function formatPanelMemory({ open, tab }: PanelMemory): string {
  return `${open ? "open" : "closed"}.${tab}`;
}
