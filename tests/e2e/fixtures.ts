import { test as base } from "@playwright/test";

export { expect, request } from "@playwright/test";
export type { APIRequest, APIRequestContext, Browser, BrowserContext, Locator, Page, WebSocket } from "@playwright/test";

/**
 * Playwright's `test`, with one addition: every browser context a test opens with
 * `browser.newContext()` is closed when the test ends. Playwright closes only its own
 * `context`; the others stayed open for the rest of the worker's run, each a live document
 * page that kept its socket, polled comments and reviews, and had every later test's trace
 * started on it, so each journey ran slower than the one before.
 */
export const test = base.extend<{ closeOwnContexts: void }>({
  closeOwnContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      // closing lets Playwright stop each context's trace and keep its failure screenshot
      await Promise.all(browser.contexts().filter((c) => !before.has(c)).map((c) => c.close()));
    },
    { auto: true },
  ],
});
