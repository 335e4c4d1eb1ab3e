"use client";

import { useSyncExternalStore } from "react";
import { isMacPlatform } from "@/lib/editor/shortcuts";

const never = () => () => {};

/** Whether shortcuts are written for a Mac (false while rendering on the server). */
export function useMacShortcuts(): boolean {
  return useSyncExternalStore(never, () => isMacPlatform(navigator.platform || navigator.userAgent), () => false);
}
