import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { ServiceUnavailable } from "../../errors";

const INSTALL_HINT = "Install Chromium on the server (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable.";

/** Flags for a headless Chromium on a server without outside network or a GPU (tests and benches use them too). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const MAX_CONCURRENT_RENDERS = 2;
/** Renders that may wait for a slot; past this the export answers 503 at once. */
export const MAX_WAITING_RENDERS = 6;
/** What a refused export is told to wait: about one render's time. */
export const RENDER_RETRY_AFTER_SECONDS = 10;

interface Shared {
  browser?: Promise<Browser>;
  /** the launched browser, once `browser` has settled */
  current?: Browser;
  running: number;
  waiting: (() => void)[];
}

// On globalThis: route handlers are bundled apart from server/http.ts, which closes the browser on shutdown.
const holder = globalThis as unknown as { specwrightPdfBrowser?: Shared };
const shared: Shared = (holder.specwrightPdfBrowser ??= { running: 0, waiting: [] });

/**
 * The Chromium executable PDF export uses: `CHROMIUM_PATH` when set (and then only that),
 * else the system package: Chromium's headless shell when installed (the same Blink and
 * printing without the full browser around them: about half the CPU per page), else the
 * browser. Throws ServiceUnavailable, saying what to install, when there is none.
 */
export function chromiumExecutable(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new ServiceUnavailable(`PDF export needs Chromium, but CHROMIUM_PATH (${configured}) does not exist. ${INSTALL_HINT}`);
  }
  const found = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
  if (!found) throw new ServiceUnavailable(`PDF export needs Chromium, and none was found. ${INSTALL_HINT}`);
  return found;
}

async function launch(): Promise<Browser> {
  const executablePath = chromiumExecutable();
  try {
    // the server's own shutdown closes it (closePdfBrowser), after storing what editors typed:
    // Playwright's signal handlers would kill it and end the process at once (exit 130)
    // Playwright loads with the first export, not with every process that may never print one
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
    shared.current = browser;
    browser.on("disconnected", () => {
      // crashed or closed: the next export launches a fresh one
      if (shared.current !== browser) return;
      shared.current = undefined;
      shared.browser = undefined;
    });
    return browser;
  } catch {
    throw new ServiceUnavailable(`PDF export could not start Chromium at ${executablePath}. ${INSTALL_HINT}`);
  }
}

/**
 * The one browser of this process, launched on first use and reused (a launch costs
 * seconds); relaunched after it crashed. Throws ServiceUnavailable when Chromium is missing.
 */
export async function sharedBrowser(): Promise<Browser> {
  if (!shared.browser) {
    const pending = launch();
    shared.browser = pending;
    pending.catch(() => {
      if (shared.browser === pending) shared.browser = undefined;
    });
  }
  return shared.browser;
}

/**
 * Runs `render` when fewer than MAX_CONCURRENT_RENDERS renders are under way; up to
 * MAX_WAITING_RENDERS more wait in order. When that queue is full it throws
 * ServiceUnavailable with a Retry-After, instead of piling up requests (and their memory).
 */
export async function withRenderSlot<T>(render: () => Promise<T>): Promise<T> {
  if (shared.running >= MAX_CONCURRENT_RENDERS) {
    if (shared.waiting.length >= MAX_WAITING_RENDERS) {
      throw new ServiceUnavailable(`The server is busy printing other PDFs. Try again in ${RENDER_RETRY_AFTER_SECONDS} seconds.`, RENDER_RETRY_AFTER_SECONDS);
    }
    await new Promise<void>((resolve) => shared.waiting.push(resolve));
  } else shared.running++;
  try {
    return await render();
  } finally {
    const next = shared.waiting.shift();
    if (next) next();
    else shared.running--;
  }
}

/** Closes the shared browser, if one was launched (server shutdown, end of a script or test). */
export async function closePdfBrowser(): Promise<void> {
  const pending = shared.browser;
  shared.browser = undefined;
  shared.current = undefined;
  if (!pending) return;
  const browser = await pending.catch(() => undefined);
  await browser?.close().catch(() => undefined);
}
