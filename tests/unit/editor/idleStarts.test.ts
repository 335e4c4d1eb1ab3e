import { afterEach, describe, expect, it, vi } from "vitest";
import { startWhenIdle } from "@/components/editor/idleStarts";

/** A browser whose idle moments come when the test says. */
function idleBrowser() {
  const moments: (() => void)[] = [];
  vi.stubGlobal("window", { requestIdleCallback: (callback: () => void) => moments.push(callback), setTimeout });
  return {
    /** Lets one idle moment pass; false when nothing waited for one. */
    idle(): boolean {
      const next = moments.shift();
      next?.();
      return next !== undefined;
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("editors started at idle moments", () => {
  it("start one per idle moment, in the order asked", () => {
    const browser = idleBrowser();
    const started: string[] = [];
    for (const key of ["a", "b", "c"]) startWhenIdle(() => started.push(key));
    expect(started).toEqual([]);
    browser.idle();
    expect(started).toEqual(["a"]);
    browser.idle();
    browser.idle();
    expect(started).toEqual(["a", "b", "c"]);
    // nothing left: no idle moment is asked for
    expect(browser.idle()).toBe(false);
  });

  it("never start one taken out of the queue (its section left the screen or started otherwise)", () => {
    const browser = idleBrowser();
    const started: string[] = [];
    const cancelA = startWhenIdle(() => started.push("a"));
    startWhenIdle(() => started.push("b"));
    cancelA();
    while (browser.idle());
    expect(started).toEqual(["b"]);
  });
});
