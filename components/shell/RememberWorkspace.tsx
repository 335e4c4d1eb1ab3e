"use client";

import { useEffect } from "react";
import { LAST_WORKSPACE_COOKIE } from "./lastWorkspaceCookie";

/** Keeps the workspace on screen as this person's last one, for a year (read by the server; holds no secret). */
export function RememberWorkspace({ slug }: { slug: string }) {
  useEffect(() => {
    document.cookie = `${LAST_WORKSPACE_COOKIE}=${encodeURIComponent(slug)}; path=/; max-age=31536000; samesite=lax`;
  }, [slug]);
  return null;
}
