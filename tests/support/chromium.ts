import { existsSync } from "node:fs";

/** Chromium from CHROMIUM_PATH or the system package; otherwise Playwright's own browser. Benches time pages in it, as people see them. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}

/**
 * The browser the journeys drive: CHROMIUM_PATH, else Chromium's headless shell when
 * installed (the same Blink without the full browser around it: the journeys took a third
 * less CPU in it), else the browser of `chromiumPath`.
 */
export function journeyChromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell" : chromiumPath();
}

/** The flags the server uses for printing PDFs: a headless Chromium without outside network. */
export { CHROMIUM_ARGS } from "../../lib/export/pdf/browser";
