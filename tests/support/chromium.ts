import { existsSync } from "node:fs";

/** Chromium from CHROMIUM_PATH or the system package; otherwise Playwright's own browser. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}

/** The flags the server uses for printing PDFs: a headless Chromium without outside network. */
export { CHROMIUM_ARGS } from "../../lib/export/pdf/browser";
