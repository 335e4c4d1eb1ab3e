"use client";

import { useEffect, useEffectEvent, type RefObject } from "react";
import { useDialogFocus } from "./useDialogFocus";

const ITEMS = '[role="menuitem"]:not([disabled])';

/**
 * What a popup menu does while `open`, on top of a dialog's focus rules (`useDialogFocus`):
 * a press outside `wrapper` (the button) and the menu closes it, and ↑/↓ (Home/End) move the
 * focus between its items. The focus goes back to the button that opened it (`[aria-haspopup]` in `wrapper`).
 */
export function usePopupMenu(open: boolean, onClose: () => void, menu: RefObject<HTMLElement | null>, wrapper: RefObject<HTMLElement | null>): void {
  const close = useEffectEvent(onClose);
  useDialogFocus(open, onClose, menu, () => wrapper.current?.querySelector<HTMLElement>("[aria-haspopup]") ?? null);
  useEffect(() => {
    if (!open) return;
    const onPress = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!wrapper.current?.contains(target) && !menu.current?.contains(target)) close();
    };
    const box = menu.current;
    const onKey = (event: KeyboardEvent) => {
      const items = [...(box?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
      if (!items.length) return;
      const at = items.indexOf(document.activeElement as HTMLElement);
      const next = event.key === "ArrowDown" ? (at + 1) % items.length : event.key === "ArrowUp" ? (at - 1 + items.length) % items.length : event.key === "Home" ? 0 : event.key === "End" ? items.length - 1 : -1;
      if (next < 0) return;
      event.preventDefault();
      items[next]!.focus();
    };
    document.addEventListener("mousedown", onPress);
    box?.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onPress);
      box?.removeEventListener("keydown", onKey);
    };
  }, [open, menu, wrapper]);
}
