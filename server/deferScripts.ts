import type { IncomingMessage, ServerResponse } from "node:http";
import { createGzip, type Gzip } from "node:zlib";
import { scriptsAfterFirstFrame, type HtmlRewriter } from "../lib/http/scriptsAfterFirstFrame";

/** A document's page (not its history, versions or other pages under it). */
const DOCUMENT_PAGE = /^\/w\/[^/?#]+\/d\/[^/?#]+\/?(?:\?|$)/;

type Callback = (error?: Error | null) => void;

/**
 * A document page's HTML leaves with its scripts fetched after the first frame
 * (lib/http/scriptsAfterFirstFrame.ts). Installed on the response before Next.js handles the
 * request: the page is asked of Next.js uncompressed, rewritten as it streams, and gzipped
 * here when the browser takes gzip. Any other answer (a redirect, an error page, a client
 * navigation's RSC payload, an answer with a known length) passes as it is.
 */
export function deferPageScripts(req: IncomingMessage, res: ServerResponse): void {
  const accept = req.headers.accept ?? "";
  if (req.method !== "GET" || !DOCUMENT_PAGE.test(req.url ?? "") || req.headers.rsc || !accept.includes("text/html")) return;
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  delete req.headers["accept-encoding"];
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (chunk: Buffer | string) => boolean;
  const end = res.end.bind(res) as (chunk?: Buffer | string) => ServerResponse;
  const decoder = new TextDecoder();
  let rewriter: HtmlRewriter | null | undefined;
  let zip: Gzip | null = null;
  // decided as the headers leave, once Next.js has set the status and headers
  const start = (given?: unknown): HtmlRewriter | null => {
    if (rewriter !== undefined) return rewriter;
    const headers = given && typeof given === "object" && !Array.isArray(given) ? (given as Record<string, unknown>) : {};
    const header = (name: string) => res.getHeader(name) ?? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
    const html = res.statusCode === 200 && String(header("content-type") ?? "").startsWith("text/html");
    if (!html || res.headersSent || header("content-length") !== undefined) return (rewriter = null);
    rewriter = scriptsAfterFirstFrame();
    if (gzip) {
      res.setHeader("Content-Encoding", "gzip");
      // added to what the answer varies by already (Next.js: its RSC headers)
      const vary = String(res.getHeader("Vary") ?? "");
      if (!/\baccept-encoding\b/i.test(vary)) res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
      zip = createGzip();
      zip.on("data", (bytes: Buffer) => write(bytes));
    }
    return rewriter;
  };
  const send = (html: string) => {
    if (!html) return;
    if (!zip) return void write(html);
    zip.write(html);
    zip.flush(); // each piece leaves as it comes: the page streams
  };
  const text = (chunk: unknown, encoding: unknown): string =>
    typeof chunk === "string" ? chunk : decoder.decode(chunk instanceof Uint8Array ? chunk : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"), { stream: true });
  const callbackOf = (args: unknown[]): Callback | undefined => args.find((a): a is Callback => typeof a === "function");

  // (Next.js's compression wraps this one, and sees no Accept-Encoding: it sends as it is)
  res.writeHead = ((...args: unknown[]) => {
    start(args.find((a, i) => i > 0 && typeof a === "object"));
    return writeHead(...args);
  }) as typeof res.writeHead;

  res.write = ((chunk: Buffer | string, ...rest: unknown[]) => {
    const rewriting = start();
    if (!rewriting) return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    send(rewriting.push(text(chunk, rest[0])));
    callbackOf(rest)?.();
    return true;
  }) as typeof res.write;

  res.end = ((...args: unknown[]) => {
    const chunk = typeof args[0] === "function" ? undefined : (args[0] as Buffer | string | undefined);
    // nothing written and nothing to write: an empty answer leaves as it is, uncompressed
    if (chunk === undefined && rewriter === undefined) rewriter = null;
    const rewriting = start();
    if (!rewriting) return (end as (...args: unknown[]) => ServerResponse)(...args);
    const done = callbackOf(args);
    send((chunk === undefined ? "" : rewriting.push(text(chunk, args[1]))) + rewriting.push(decoder.decode()) + rewriting.end());
    if (!zip) return done ? end().once("finish", () => done()) : end();
    const zipped = zip as Gzip;
    zipped.once("end", () => {
      end();
      if (done) res.once("finish", () => done());
    });
    zipped.end();
    return res;
  }) as typeof res.end;
}
