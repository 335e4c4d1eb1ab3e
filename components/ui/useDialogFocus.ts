"use client";

import { createFocusTrap } from "focus-trap";
import { useEffect, useEffectEvent, type RefObject } from "react";

const FOCUSABLE = "button:not([disabled]), [href], input:not([disabled]), textarea, select, [tabindex]:not([tabindex='-1'])";

/**
 * What every dialog and popup menu does while `open`: the focus moves to the first control
 * inside `container`, Escape closes it wherever the focus is, and once it closes the focus
 * goes back to what had it before (the control that opened it), or to `opener()` when given
 * (a control that was drawn again while it opened). A modal dialog (`aria-modal="true"`)
 * also keeps Tab and Shift+Tab inside it while it is open.
 */
export function useDialogFocus(open: boolean, onClose: () => void, container: RefObject<HTMLElement | null>, opener?: () => HTMLElement | null): void {
  const close = useEffectEvent(onClose);
  const findOpener = useEffectEvent(() => opener?.() ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    if (!open) return;
    const returnTo = findOpener();
    const box = container.current;
    box?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    // Escape and the way back are handled here; the trap only keeps Tab inside
    let trap: ReturnType<typeof createFocusTrap> | null = null;
    if (box?.getAttribute("aria-modal") === "true") {
      try {
        trap = createFocusTrap(box, { initialFocus: false, fallbackFocus: box, escapeDeactivates: false, returnFocusOnDeactivate: false, allowOutsideClick: true }).activate();
      } catch {
        // nothing to focus in it yet: the dialog works, without the trap
      }
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      event.stopPropagation();
      close();
    };
    document.addEventListener("keydown", onKey);
    return () => {
      trap?.deactivate();
      document.removeEventListener("keydown", onKey);
      if (returnTo?.isConnected && (!document.activeElement || document.activeElement === document.body || box?.contains(document.activeElement))) returnTo.focus();
    };
  }, [open, container]);
}
