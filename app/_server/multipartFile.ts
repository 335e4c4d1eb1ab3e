import { BodyRejected, readLimitedBytes } from "./limitedBody";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
  /** the body's other text fields (options sent beside the file), for the route to validate */
  fields: Record<string, string>;
}

/**
 * The one file of a multipart/form-data body (field `file`), read with a byte cap first
 * (413 with `tooLarge` past `maxBytes`), so an oversized upload is never parsed. 400 when
 * the body is not multipart or holds no file. Its other text fields come back as they are.
 */
export async function readMultipartFile(req: Request, maxBytes: number, tooLarge: string): Promise<UploadedFile> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(type)) throw new BodyRejected(400, "Send the file as multipart/form-data in a field named file.");
  // multipart boundaries and part headers add a little to the file itself
  const body = await readLimitedBytes(req, maxBytes + 64 * 1024, tooLarge);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
  } catch {
    throw new BodyRejected(400, "The upload could not be read as multipart/form-data.");
  }
  const file = form.get("file");
  if (!file || typeof file === "string") throw new BodyRejected(400, "Send the file in a form field named file.");
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new BodyRejected(413, tooLarge);
  const fields = Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => entry[0] !== "file" && typeof entry[1] === "string"));
  return { name: file.name, bytes, fields };
}
