import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Api } from "./client";

/** `![alt](path)` and `![alt](<path> "title")`: the address is group 2. */
const IMAGE = /(!\[[^\]]*\]\(\s*<?)([^)\s>]+)(>?(?:\s+"[^"]*")?\s*\))/g;
/** An uploaded image as exports write it: `images/<id>.<ext>`. */
const EXPORTED = /^images\/([A-Za-z0-9_-]{1,64})\.[A-Za-z0-9]{1,8}$/;

function isLocalPath(src: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith("/") && !src.startsWith("#") && !src.includes("\\");
}

/** A relative path that stays inside `dir` and names a file there. */
function fileIn(dir: string, src: string): string | null {
  const target = path.resolve(dir, decodeURI(src));
  if (!target.startsWith(path.resolve(dir) + path.sep)) return null;
  return statSync(target, { throwIfNoEntry: false })?.isFile() ? target : null;
}

/** The image addresses a Markdown file shows. */
export function imageAddresses(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(IMAGE)].map((m) => m[2]!));
}

/**
 * Uploads the images a file shows that the server does not have yet (a relative path to a
 * file of the folder, not among `known`: the addresses of the Markdown it was pulled as) to
 * the document, and returns the Markdown with their addresses as exports write uploaded
 * images (`images/<id>.<ext>`), which the server reads as the uploaded image, with the
 * addresses uploaded.
 */
export async function uploadNewImages(api: Api, documentId: string, dir: string, markdown: string, known: Set<string>): Promise<{ markdown: string; uploaded: string[] }> {
  const wanted = [...new Set([...markdown.matchAll(IMAGE)].map((m) => m[2]!))].filter((src) => !known.has(src) && isLocalPath(src));
  const replaced = new Map<string, string>();
  for (const src of wanted) {
    const file = fileIn(dir, src);
    if (!file) continue;
    const form = new FormData();
    form.append("file", new Blob([readFileSync(file)]), path.basename(file));
    const image = await api.json<{ id: string }>("POST", `/api/documents/${encodeURIComponent(documentId)}/images`, { body: form });
    replaced.set(src, `images/${image.id}${path.extname(file).toLowerCase() || ".bin"}`);
  }
  return { markdown: markdown.replace(IMAGE, (all, open: string, src: string, close: string) => (replaced.has(src) ? `${open}${replaced.get(src)}${close}` : all)), uploaded: [...replaced.keys()] };
}

/** Downloads the uploaded images a file shows that the folder lacks (`images/<id>.<ext>`). */
export async function fetchMissingImages(api: Api, dir: string, markdown: string): Promise<void> {
  for (const src of imageAddresses(markdown)) {
    const id = EXPORTED.exec(src)?.[1];
    if (!id || statSync(path.join(dir, src), { throwIfNoEntry: false })) continue;
    const bytes = new Uint8Array(await (await api.request("GET", `/api/images/${encodeURIComponent(id)}`)).arrayBuffer());
    mkdirSync(path.join(dir, path.dirname(src)), { recursive: true });
    writeFileSync(path.join(dir, src), bytes);
  }
}
