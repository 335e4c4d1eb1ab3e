import { describe, expect, it } from "vitest";
import { toErrorResponse } from "@/app/_server/route";
import { ServiceUnavailable } from "@/lib/errors";
import { PdfExportInput } from "@/lib/export/pdf/inputs";

describe("PDF export at the HTTP edge", () => {
  it("answers 503 with the message saying what to install", async () => {
    const res = toErrorResponse(new ServiceUnavailable("PDF export needs Chromium. Install Chromium (apt-get install chromium)."), "req-1");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: "PDF export needs Chromium. Install Chromium (apt-get install chromium).", requestId: "req-1" });
  });

  it("takes A4 by default and Letter in any case, and refuses other sizes", () => {
    const id = "c" + "a".repeat(24);
    expect(PdfExportInput.parse({ documentId: id }).format).toBe("A4");
    expect(PdfExportInput.parse({ documentId: id, format: "letter" }).format).toBe("Letter");
    expect(PdfExportInput.safeParse({ documentId: id, format: "A3" }).success).toBe(false);
  });
});
