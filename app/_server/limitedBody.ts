/** 413/400 while reading a request body, before anything is parsed or written. */
export class BodyRejected extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a request body as UTF-8 text, refusing more than `maxBytes`: first by the declared
 * Content-Length, then by counting what actually arrives (a client may omit or understate
 * the header), so an oversized upload is never held in memory whole. No Next imports:
 * testable with a plain Request.
 */
export async function readLimitedText(req: Request, maxBytes: number, tooLarge: string): Promise<string> {
  const bytes = await readLimitedBytes(req, maxBytes, tooLarge);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new BodyRejected(400, "The file is not UTF-8 text. Save it as UTF-8 and try again.");
  }
}

/** Reads a request body as bytes with the same limit as `readLimitedText` (413 past `maxBytes`). */
export async function readLimitedBytes(req: Request, maxBytes: number, tooLarge: string): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyRejected(413, tooLarge);
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyRejected(413, tooLarge);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
