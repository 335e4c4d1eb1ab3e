/**
 * Chromium writes each in-page link target (`<a href="#id">` → `id`) as a PDF named
 * destination, `/id [<page> 0 R /XYZ x y 0]`, in plain (unencoded) object syntax. Reading
 * those back gives the page every heading landed on, which CSS cannot tell us
 * (Chromium has no `target-counter()`).
 */

interface PdfObjects {
  /** object number → its text up to `endobj` */
  bodies: Map<number, string>;
  text: string;
}

function objects(pdf: Uint8Array): PdfObjects {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const bodies = new Map<number, string>();
  const header = /(\d+) 0 obj\b/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const end = text.indexOf("endobj", header.lastIndex);
    if (end < 0) break;
    const body = text.slice(header.lastIndex, end);
    // stream contents are binary and can be long: keep the dictionary in front of them only
    const stream = body.indexOf("stream");
    bodies.set(Number(match[1]), stream >= 0 ? body.slice(0, stream) : body);
    header.lastIndex = end;
  }
  return { bodies, text };
}

function refs(list: string): number[] {
  return [...list.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
}

/** Page object numbers in page order, walking the page tree from its root. */
function pageOrder(bodies: Map<number, string>): number[] {
  const isTree = (body: string | undefined) => body !== undefined && /\/Type\s*\/Pages\b/.test(body);
  const root = [...bodies.entries()].find(([, body]) => isTree(body) && !/\/Parent\b/.test(body));
  if (!root) return [];
  const order: number[] = [];
  const visit = (id: number, depth: number) => {
    const body = bodies.get(id);
    if (depth > 32 || body === undefined) return;
    if (!isTree(body)) {
      order.push(id);
      return;
    }
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? "";
    for (const kid of refs(kids)) visit(kid, depth + 1);
  };
  visit(root[0], 0);
  return order;
}

/**
 * The 1-based page number of each named destination whose name matches `pattern` (a
 * source without flags, e.g. `section-\\d+`). Empty when the PDF does not have them in
 * the form Chromium writes; callers then print without page numbers.
 */
export function destinationPages(pdf: Uint8Array, pattern: string): Map<string, number> {
  const { bodies, text } = objects(pdf);
  const pageNumber = new Map(pageOrder(bodies).map((id, i) => [id, i + 1] as const));
  const found = new Map<string, number>();
  for (const match of text.matchAll(new RegExp(`/(${pattern})\\s*\\[\\s*(\\d+) 0 R\\s*/XYZ`, "g"))) {
    const page = pageNumber.get(Number(match[2]));
    if (page !== undefined && !found.has(match[1]!)) found.set(match[1]!, page);
  }
  return found;
}
