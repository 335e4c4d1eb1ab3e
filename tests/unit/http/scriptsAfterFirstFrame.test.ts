import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { LOADER_LIMIT_MS, scriptsAfterFirstFrame } from "@/lib/http/scriptsAfterFirstFrame";

const HEAD =
  '<!DOCTYPE html><html><head><meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/app.css" nonce="n0nce"/>' +
  '<link rel="preload" as="script" fetchPriority="low" nonce="n0nce" href="/_next/static/chunks/main.js"/>' +
  '<script src="/_next/static/chunks/a.js" async="" nonce="n0nce"></script><script src="/_next/static/chunks/b.js" async="" nonce="n0nce"></script>' +
  '<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="n0nce"></script></head>';
const BODY = '<body><section>Text</section><span id="document-end" hidden></span><script nonce="n0nce">self.__next_f.push([1,"x"])</script><script src="/_next/static/chunks/main.js" nonce="n0nce" async=""></script></body></html>';

/** The page rewritten from the given pieces, as they would stream. */
function rewritten(pieces: string[]): string {
  const rewriter = scriptsAfterFirstFrame();
  return pieces.map((piece) => rewriter.push(piece)).join("") + rewriter.end();
}

describe("a page's chunk scripts after its first frame", () => {
  it("takes the chunk scripts and their preloads out of the head and hands them to one loader, with the page's nonce", () => {
    const html = rewritten([HEAD + BODY]);
    expect(html).not.toMatch(/<script src="\/_next\/static\/chunks\/(a|b|main)\.js"/);
    expect(html).not.toContain('rel="preload"');
    // what the browser leaves alone stays: styles, the legacy browsers' polyfills, inline data
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/chunks/app.css" nonce="n0nce"/>');
    expect(html).toContain('<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="n0nce"></script>');
    expect(html).toContain('self.__next_f.push([1,"x"])');
    expect(html).toContain('<section>Text</section>');
    const loader = /<script nonce="n0nce">(\(function[\s\S]*?)<\/script><\/head>/.exec(html);
    expect(loader?.[1]).toContain(`(["/_next/static/chunks/a.js","/_next/static/chunks/b.js"],"n0nce",${LOADER_LIMIT_MS})`);
    // the late script asks the loader for itself
    expect(html).toContain('<script nonce="n0nce">self.specwrightScripts.push("/_next/static/chunks/main.js")</script></body>');
  });

  it("gives the same page whichever way the HTML is cut into pieces", () => {
    const whole = rewritten([HEAD + BODY]);
    const page = HEAD + BODY;
    for (let cut = 1; cut < page.length; cut += 7) {
      expect(rewritten([page.slice(0, cut), page.slice(cut)])).toBe(whole);
    }
    expect(rewritten([...page])).toBe(whole);
  });

  it("leaves a page without chunk scripts as it is", () => {
    const page = "<!DOCTYPE html><html><head><title>Plain</title></head><body><p>1 < 2</p></body></html>";
    expect(rewritten([page])).toBe(page);
  });

  it("loads the scripts, with the nonce, once the page has painted, and a late one at once", async () => {
    const dom = new JSDOM(rewritten([HEAD + "<body></body></html>"]), { runScripts: "dangerously", pretendToBeVisual: true, beforeParse: (window) => {
      const observers: ((list: { getEntries: () => unknown[] }) => void)[] = [];
      (window as unknown as { PerformanceObserver: unknown }).PerformanceObserver = class {
        static supportedEntryTypes = ["paint"];
        constructor(callback: (list: { getEntries: () => unknown[] }) => void) {
          observers.push(callback);
        }
        observe() {}
      };
      (window as unknown as { paint: () => void }).paint = () => observers.forEach((callback) => callback({ getEntries: () => [{ name: "first-paint" }] }));
    } });
    const { document } = dom.window;
    const added = () => [...document.querySelectorAll("script[src]")].map((s) => [s.getAttribute("src"), s.getAttribute("nonce")]);
    // before any paint, only the legacy browsers' polyfills tag the page itself holds
    expect(added()).toEqual([["/_next/static/chunks/polyfills.js", "n0nce"]]);
    (dom.window as unknown as { paint: () => void }).paint();
    expect(added().slice(1)).toEqual([
      ["/_next/static/chunks/a.js", "n0nce"],
      ["/_next/static/chunks/b.js", "n0nce"],
    ]);
    (dom.window as unknown as { specwrightScripts: { push: (src: string) => void } }).specwrightScripts.push("/_next/static/chunks/main.js");
    expect(added().at(-1)).toEqual(["/_next/static/chunks/main.js", "n0nce"]);
    dom.window.close();
  });

  it("loads them once the page is parsed in a browser that reports no paints", async () => {
    const dom = new JSDOM(rewritten([HEAD + "<body><p>Text</p></body></html>"]), { runScripts: "dangerously" });
    await new Promise((resolve) => dom.window.addEventListener("load", resolve));
    expect([...dom.window.document.querySelectorAll("script[src]")].map((s) => s.getAttribute("src"))).toEqual(["/_next/static/chunks/polyfills.js", "/_next/static/chunks/a.js", "/_next/static/chunks/b.js"]);
    dom.window.close();
  });
});
