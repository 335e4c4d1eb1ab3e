"use client";

import { useEffect, useEffectEvent, type RefObject } from "react";

const FOCUSABLE = "button:not([disabled]), [href], input:not([disabled]), textarea, select, [tabindex]:not([tabindex='-1'])";

/**
 * What every dialog and popup menu does while `open`: the focus moves to the first control
 * inside `container`, Escape closes it wherever the focus is, and once it closes the focus
 * goes back to what had it before (the control that opened it), or to `opener()` when given
 * (a control that was drawn again while it opened).
 */
export function useDialogFocus(open: boolean, onClose: () => void, container: RefObject<HTMLElement | null>, opener?: () => HTMLElement | null): void {
  const close = useEffectEvent(onClose);
  const findOpener = useEffectEvent(() => opener?.() ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    if (!open) return;
    const returnTo = findOpener();
    const box = container.current;
    box?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      event.stopPropagation();
      close();
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      if (returnTo?.isConnected && (!document.activeElement || document.activeElement === document.body || box?.contains(document.activeElement))) returnTo.focus();
    };
  }, [open, container]);
}
