import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { RichText } from "../../components/documents/RichText";
import type { PMNode } from "../../lib/editor/schema";
import type { RunningApp } from "./app";
import { onCleanup } from "./harness";

/**
 * The floor of a document page: its sections, titles and text only, rendered to plain HTML
 * with `RichText` from the rows (no styles, no scripts).
 */
export async function floorHtml(app: RunningApp, documentId: string): Promise<{ html: string; sections: number }> {
  const { rows } = await app.db.query<{ title: string; depth: number; body: PMNode }>(`SELECT title, depth, body FROM "Section" WHERE "documentId" = $1 ORDER BY position`, [documentId]);
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const heading = (depth: number) => `h${Math.min(4, depth + 1)}`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body><main>${rows
    .map((s) => `<section><${heading(s.depth)}>${escape(s.title)}</${heading(s.depth)}>${renderToStaticMarkup(createElement(RichText, { doc: s.body }))}</section>`)
    .join("")}</main></body></html>`;
  return { html, sections: rows.length };
}

/** Serves `pages` (path → HTML) on a loopback port until the bench ends; `fallback` answers every other path. */
export async function servePages(pages: Record<string, string>, fallback?: (path: string) => { type: string; body: Buffer } | null): Promise<string> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    const page = pages[path];
    if (page !== undefined) return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
    const other = fallback?.(path);
    if (other) return void res.writeHead(200, { "content-type": other.type }).end(other.body);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onCleanup("stop the page server", () => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
