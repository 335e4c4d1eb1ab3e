/**
 * A page's HTML rewritten as it streams so that its Next.js chunk scripts are fetched once the
 * browser has drawn the page's first frame, not while it is still reading the page. Next.js
 * puts them in the head as `<script src async>` (with preloads): each one fetched and run
 * mid-parse held up a long document's first paint by hundreds of ms (bench/page-replay.ts).
 *
 * The scripts' tags in the head are taken out and one inline loader put before `</head>`; it
 * adds them, `async` as before, once a paint is reported (once the document is parsed in a
 * tab that is not shown or a browser that reports no paints; after LOADER_LIMIT_MS in any
 * case). A chunk script's tag later in the page asks the loader for its script instead. Input in the page before the scripts run is the page's own
 * business (components/editor/earlyInput.ts keeps presses and keys in sections' text).
 *
 * Pure string work: `push` takes the HTML in pieces as they come and gives back what can be
 * sent now (a tag cut in two waits for its end); `end` gives the rest.
 */
export interface HtmlRewriter {
  push(chunk: string): string;
  end(): string;
}

/** Whatever happens to paints, the scripts are added by then. */
export const LOADER_LIMIT_MS = 3000;

const CHUNK_SCRIPT = /<script\b(?![^>]*\bnoModule\b)[^>]*\bsrc="(\/_next\/static\/chunks\/[^"]+\.js)"[^>]*><\/script>/gi;
const CHUNK_PRELOAD = /<link\b(?=[^>]*\brel="preload")(?=[^>]*\bas="script")[^>]*\bhref="\/_next\/static\/chunks\/[^"]+\.js"[^>]*\/?>/gi;
const NONCE = /\bnonce="([^"]*)"/i;

/**
 * The loader, run inline with the head's chunk scripts, the nonce and LOADER_LIMIT_MS; a later
 * chunk script comes through `self.specwrightScripts.push(src)`. Kept as text (not a
 * function's `toString()`): what a compiler adds to a function's body would not exist in the
 * page.
 */
const LOADER = `(function (sources, nonce, limitMs) {
  var ready = false;
  function add(src) {
    var script = document.createElement("script");
    script.src = src;
    script.async = true;
    if (nonce) script.setAttribute("nonce", nonce);
    document.head.appendChild(script);
  }
  function go() {
    if (ready) return;
    ready = true;
    sources.forEach(add);
  }
  self.specwrightScripts = { push: function (src) { ready ? add(src) : sources.push(src); } };
  var paints = typeof PerformanceObserver !== "undefined" && (PerformanceObserver.supportedEntryTypes || []).indexOf("paint") !== -1;
  if (!paints || document.visibilityState === "hidden") return void document.addEventListener("DOMContentLoaded", go);
  new PerformanceObserver(function (list) { if (list.getEntries().length) go(); }).observe({ type: "paint", buffered: true });
  setTimeout(go, limitMs);
})`.replace(/\n\s*/g, " ");

/** Text safe inside an inline script: no "</script>" or "<!--" can form. */
function scriptLiteral(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

export function scriptsAfterFirstFrame(): HtmlRewriter {
  let carry = "";
  let nonce: string | null = null;
  let inHead = true;
  const sources: string[] = [];
  const nonceAttribute = () => (nonce ? ` nonce="${nonce}"` : "");
  // the head's chunk scripts go to the loader, which closes the head
  const head = (html: string): string =>
    // the loader fetches them: no preload races the page's HTML for the network
    html.replace(CHUNK_PRELOAD, "").replace(CHUNK_SCRIPT, (tag, src: string) => {
      nonce ??= NONCE.exec(tag)?.[1] ?? "";
      if (!sources.includes(src)) sources.push(src);
      return "";
    });
  // a chunk script further on asks the loader for itself
  const body = (html: string): string =>
    sources.length ? html.replace(CHUNK_SCRIPT, (_tag, src: string) => `<script${nonceAttribute()}>self.specwrightScripts.push(${scriptLiteral(src)})</script>`) : html;
  const rewrite = (html: string): string => {
    if (!inHead) return body(html);
    const close = html.indexOf("</head>");
    if (close === -1) return head(html);
    inHead = false;
    const before = head(html.slice(0, close));
    const script = !sources.length ? "" : `<script${nonceAttribute()}>${LOADER}(${scriptLiteral(sources)},${scriptLiteral(nonce ?? "")},${LOADER_LIMIT_MS})</script>`;
    return before + script + body(html.slice(close));
  };
  return {
    push(chunk) {
      const text = carry + chunk;
      // a tag, or a script element, cut at the end of this piece waits for the rest of it
      const open = text.lastIndexOf("<");
      const script = text.lastIndexOf("<script");
      const cut = Math.min(open !== -1 && text.indexOf(">", open) === -1 ? open : text.length, script !== -1 && text.indexOf("</script>", script) === -1 ? script : text.length);
      carry = text.slice(cut);
      return rewrite(text.slice(0, cut));
    },
    end() {
      const rest = carry;
      carry = "";
      return rewrite(rest);
    },
  };
}
