import { createServer, get as request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createGunzip } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deferPageScripts } from "@/server/deferScripts";

const HEAD = '<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async="" nonce="n1"></script></head>';
const SECTIONS = "<body><section>Goals</section>";
const END = '<span id="document-end"></span><script src="/_next/static/chunks/main.js" nonce="n1" async=""></script></body></html>';

let server: Server;
let base = "";
/** when the server wrote the page's last piece */
let endedAt = 0;

/** As Next.js answers: headers set, then the page in pieces; a 404, an empty page and another page too. */
function answer(url: string, res: ServerResponse): void {
  if (url.endsWith("/missing")) {
    res.statusCode = 404;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    return void res.end(HEAD + "<body>Not found</body></html>");
  }
  res.setHeader("Content-Type", url.endsWith("/rsc") ? "text/x-component" : "text/html; charset=utf-8");
  res.setHeader("Vary", "RSC, Next-Router-State-Tree");
  if (url.endsWith("/empty")) return void res.end();
  res.write(Buffer.from(HEAD));
  res.write(SECTIONS);
  setTimeout(() => {
    endedAt = performance.now();
    res.end(END);
  }, 200);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    deferPageScripts(req, res);
    answer(req.url ?? "", res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/**
 * The answer as it came over the wire (Node's http: no Accept-Encoding of its own, nothing
 * decompressed for us), and when its sections could first be read (decoded as it arrived).
 */
function get(path: string, headers: Record<string, string>): Promise<{ status: number; encoding: string | null; vary: string; body: string; sectionsAt: number }> {
  return new Promise((resolve, reject) => {
    request(base + path, { headers }, (res) => {
      const encoding = res.headers["content-encoding"] ?? null;
      const decoded = encoding === "gzip" ? res.pipe(createGunzip()) : res;
      let body = "";
      let sectionsAt = 0;
      decoded.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
        if (!sectionsAt && body.includes(SECTIONS)) sectionsAt = performance.now();
      });
      decoded.on("end", () => resolve({ status: res.statusCode ?? 0, encoding, vary: String(res.headers.vary ?? ""), body, sectionsAt }));
      decoded.on("error", reject);
    }).on("error", reject);
  });
}

const BROWSER = { accept: "text/html,application/xhtml+xml", "accept-encoding": "gzip, deflate, br" };

describe("a document page's scripts after its first frame, on the server", () => {
  it("sends a browser the page gzipped, streamed, with its scripts handed to the loader", async () => {
    const page = await get("/w/acme/d/doc1", BROWSER);
    expect(page.status).toBe(200);
    expect(page.encoding).toBe("gzip");
    // what the page varies by already stays
    expect(page.vary).toBe("RSC, Next-Router-State-Tree, Accept-Encoding");
    expect(page.body).not.toContain('<script src="/_next/static/chunks/a.js"');
    expect(page.body).toContain('(["/_next/static/chunks/a.js"],"n1",');
    expect(page.body).toContain('self.specwrightScripts.push("/_next/static/chunks/main.js")');
    expect(page.body).toContain("<section>Goals</section>");
    // the sections left before the server had the rest of the page
    expect(page.sectionsAt).toBeLessThan(endedAt);
  });

  it("sends it uncompressed to a browser that takes no gzip", async () => {
    const page = await get("/w/acme/d/doc1?tab=review", { accept: "text/html" });
    expect(page.encoding).toBeNull();
    expect(page.body).toContain("self.specwrightScripts.push");
  });

  it("leaves other pages, other answers and other askers as they are", async () => {
    for (const [path, headers] of [
      ["/w/acme/d/doc1/history", BROWSER],
      ["/w/acme", BROWSER],
      ["/w/acme/d/doc1", { ...BROWSER, rsc: "1" }],
      ["/w/acme/d/doc1", { accept: "*/*" }],
      ["/w/acme/d/missing", BROWSER],
    ] as const) {
      const page = await get(path, headers);
      expect(page.body, path).toContain('<script src="/_next/static/chunks/a.js"');
      expect(page.body, path).not.toContain("specwrightScripts");
    }
    const rsc = await get("/w/acme/d/rsc", BROWSER);
    expect(rsc.body).toContain('<script src="/_next/static/chunks/a.js"');
    const empty = await get("/w/acme/d/empty", BROWSER);
    expect(empty).toMatchObject({ status: 200, encoding: null, body: "" });
  });
});
