import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/documents/[documentId]/export.pdf/route";
import { createPersonalToken } from "@/lib/apiTokens/createToken";
import { createDocument } from "@/lib/documents/createDocument";
import { closePdfBrowser, MAX_WAITING_RENDERS, RENDER_RETRY_AFTER_SECONDS, withRenderSlot } from "@/lib/export/pdf/browser";
import { listTemplates } from "@/lib/templates/templates";
import { ctxFor, makeWorkspace } from "../../support/db";

afterAll(() => closePdfBrowser());

describe("the PDF render queue", () => {
  it("answers 503 with Retry-After once every slot is busy and the queue is full, and prints again once it drains", async () => {
    const ws = await makeWorkspace();
    const owner = ctxFor(ws.owner);
    const templateId = (await listTemplates(owner, { slug: ws.slug }))[0]!.id;
    const { id: documentId } = await createDocument(owner, { slug: ws.slug, templateId, title: "Queue" });
    // the route called as a script would, with the owner's API token (no session cookie outside a request)
    const { secret } = await createPersonalToken(owner, { name: "PDF queue", scope: "read", expiresInDays: 1 });
    const exportPdf = () => GET(new Request(`http://localhost/api/documents/${documentId}/export.pdf`, { headers: { authorization: `Bearer ${secret}` } }), { params: Promise.resolve({ documentId }) });

    // slow renders: two printing, the rest waiting, all held until `release`
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = Array.from({ length: 2 + MAX_WAITING_RENDERS }, () => withRenderSlot(() => held));

    const refused = await exportPdf();
    expect(refused.status).toBe(503);
    expect(refused.headers.get("Retry-After")).toBe(String(RENDER_RETRY_AFTER_SECONDS));
    const body = (await refused.json()) as { error: string; retryAfter: number };
    expect(body.error).toMatch(/busy printing other PDFs/);
    expect(body.retryAfter).toBe(RENDER_RETRY_AFTER_SECONDS);

    release();
    await Promise.all(slow);
    const printed = await exportPdf();
    expect(printed.status).toBe(200);
    expect(printed.headers.get("Content-Type")).toBe("application/pdf");
  }, 180_000);
});
