import { describe, expect, it } from "vitest";
import type { PMDoc } from "@/lib/editor/schema";
import type { PrintableDocument } from "@/lib/export/exportable";
import { loadHighlighter } from "@/lib/editor/codeHighlight";
import { bodyToHtml } from "@/lib/export/pdf/bodyHtml";
import { PRINT_CSS } from "@/lib/export/pdf/css";
import { renderPrintHtml } from "@/lib/export/pdf/html";
import { destinationPages } from "@/lib/export/pdf/pdfDestinations";

const body = (...content: PMDoc["content"]): PMDoc => ({ type: "doc", content });
const text = (value: string, marks?: NonNullable<PMDoc["marks"]>) => ({ type: "text" as const, text: value, ...(marks ? { marks } : {}) });

describe("printing a body as HTML", () => {
  it("prints body headings below the section title, each level smaller than the one above it", () => {
    const heading = (level: number) => ({ type: "heading" as const, attrs: { level }, content: [text(`Level ${level}`)] });
    const html = bodyToHtml(body(heading(1), heading(2), heading(3), heading(4)), new Map());
    expect(html).toBe('<h3 class="bh1">Level 1</h3><h3 class="bh2">Level 2</h3><h4 class="bh3">Level 3</h4><h5 class="bh4">Level 4</h5>');
    const size = (selector: string) => Number(new RegExp(`${selector.replace(".", "\\.")} \\{ font-size: ([\\d.]+)pt`).exec(PRINT_CSS)?.[1]);
    const sizes = ["h2", ".bh1", ".bh2", ".bh3", ".bh4"].map(size);
    expect(sizes.every((s) => s > 0)).toBe(true);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(new Set(sizes).size).toBe(sizes.length);
    expect(PRINT_CSS).toMatch(/\.bh5, \.bh6 \{[^}]*text-transform: uppercase/);
  });

  it("escapes text and code, and keeps links only to safe targets", () => {
    const html = bodyToHtml(
      body(
        { type: "paragraph", content: [text("<script>alert(1)</script> & \"q\"")] },
        { type: "paragraph", content: [text("bad", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]), text("good", [{ type: "link", attrs: { href: "https://example.com/?a=1&b=2" } }, { type: "bold" }])] },
        { type: "codeBlock", attrs: { language: "html" }, content: [text("<img src=x onerror=alert(1)>")] },
      ),
      new Map(),
    );
    expect(html).toContain("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</p>");
    expect(html).not.toContain("javascript:");
    // marks nest in schema order, the link innermost (as on the read-only page)
    expect(html).toContain('bad<strong><a href="https://example.com/?a=1&amp;b=2" rel="noopener noreferrer nofollow" target="_blank">good</a></strong>');
    // highlighted or not (the highlighter may be loaded by another test), the code is text
    expect(html.replace(/<span class="[\w -]+">|<\/span>/g, "")).toContain("<pre><code>&lt;img src=x onerror=alert(1)&gt;</code></pre>");
  });

  it("highlights code that names a language once the highlighter is loaded, still escaped", async () => {
    await loadHighlighter();
    const code = (language: string | null, value: string) => bodyToHtml(body({ type: "codeBlock", attrs: { language }, content: [text(value)] }), new Map());
    expect(code("typescript", "const a = 1;")).toBe('<pre><code><span class="hljs-keyword">const</span> a = <span class="hljs-number">1</span>;</code></pre>');
    expect(code("html", "<img src=x onerror=alert(1)>")).not.toMatch(/<img/);
    expect(code(null, "const a = 1;")).toBe("<pre><code>const a = 1;</code></pre>");
  });

  it("draws a diagram as its SVG, and shows the source with the reason when Mermaid refused it", () => {
    const diagrams = new Map([
      ["flowchart LR\n  a --> b", { svg: '<svg id="m1"><text>a</text></svg>' }],
      ["flowchart LR\n  a -->", { error: "Parse error on line 2:\nExpecting 'NODE_STRING'" }],
    ]);
    const html = bodyToHtml(body({ type: "mermaid", attrs: { source: "flowchart LR\n  a --> b" } }, { type: "mermaid", attrs: { source: "flowchart LR\n  a -->" } }), diagrams);
    expect(html).toContain('<figure class="diagram"><svg id="m1"><text>a</text></svg></figure>');
    expect(html).toContain("could not be drawn (Line 2 (a --&gt;): Mermaid cannot read this line. It expected a name.)");
    expect(html).toContain("<pre><code>flowchart LR\n  a --&gt;</code></pre>");
  });

  it("keeps table spans and task states", () => {
    const cell = (type: "tableCell" | "tableHeader", value: string, colspan = 1) => ({ type, attrs: { colspan }, content: [{ type: "paragraph" as const, content: [text(value)] }] });
    const html = bodyToHtml(
      body(
        { type: "table", content: [{ type: "tableRow", content: [cell("tableHeader", "A", 2)] }, { type: "tableRow", content: [cell("tableCell", "1"), cell("tableCell", "2")] }] },
        { type: "taskList", content: [{ type: "taskItem", attrs: { checked: true }, content: [{ type: "paragraph", content: [text("done")] }] }] },
      ),
      new Map(),
    );
    expect(html).toContain('<th colspan="2"><p>A</p></th>');
    expect(html).toContain('<li><span class="box">☑</span>done</li>');
  });
});

describe("the printed document", () => {
  const doc: PrintableDocument = {
    title: "Ledger <v2>",
    status: "approved",
    template: { key: "t", name: "Template", version: 3 },
    contentHash: "a".repeat(64),
    owner: "Ada",
    authors: ["Ada"],
    reviewers: [{ name: "Linus", role: "Security Review", decision: "approved", date: "2026-03-06T10:00:00.000Z", contentHash: "b".repeat(64), stale: true }],
    createdAt: "2026-03-04T10:00:00.000Z",
    updatedAt: "2026-03-05T10:00:00.000Z",
    sections: [
      { title: "Overview", depth: 1, fields: [{ label: "Owner", value: "Ada" }], body: body({ type: "paragraph", content: [text("Hello")] }) },
      { title: "Details", depth: 2, fields: [], body: body() },
    ],
    control: [{ label: "Version", value: "1.0.0" }],
    version: "1.0.0",
  };

  it("has a cover with the hashes, contents linking to each section with its page, and no script or network", () => {
    const html = renderPrintHtml(doc, new Map(), new Map([["section-1", 3], ["section-2", 4]]));
    expect(html).toContain("<h1>Ledger &lt;v2&gt;</h1>");
    expect(html).toContain(`<span class="hash">${"a".repeat(64)}</span>`);
    expect(html).toContain(`<span class="hash">${"b".repeat(64)}</span>`);
    expect(html).toContain("Stale: the content changed after this decision");
    expect(html).toContain('<a href="#section-1"><span class="t">Overview</span><span class="dots"></span><span class="n">3</span></a>');
    expect(html).toContain('<li class="d2"><a href="#section-2"><span class="t">Details</span><span class="dots"></span><span class="n">4</span></a></li>');
    expect(html).toContain('<h2 id="section-1"><a id="overview"></a>Overview</h2>');
    expect(html).toContain('<h3 id="section-2"><a id="details"></a>Details</h3>');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|https?:\/\//);
  });
});

describe("reading the page of each named destination from a PDF", () => {
  it("walks a nested page tree in order", () => {
    const pdf = [
      "%PDF-1.4",
      "1 0 obj\n<</Type /Catalog /Pages 2 0 R /Dests 9 0 R>>\nendobj",
      "2 0 obj\n<</Type /Pages /Count 3 /Kids [3 0 R 4 0 R]>>\nendobj",
      "3 0 obj\n<</Type /Pages /Parent 2 0 R /Count 2 /Kids [5 0 R 6 0 R]>>\nendobj",
      "4 0 obj\n<</Type /Pages /Parent 2 0 R /Count 1 /Kids [7 0 R]>>\nendobj",
      "5 0 obj\n<</Type /Page /Parent 3 0 R>>\nendobj",
      "6 0 obj\n<</Type /Page /Parent 3 0 R /Contents 8 0 R>>\nendobj",
      "7 0 obj\n<</Type /Page /Parent 4 0 R>>\nendobj",
      "8 0 obj\n<</Length 12>> stream\n7 0 obj junk\nendstream\nendobj",
      "9 0 obj\n<</section-1 [6 0 R /XYZ 6 458.13 0]\n/section-2 [7 0 R /XYZ 6 75.6 0]\n/other [5 0 R /XYZ 0 0 0]>>\nendobj",
    ].join("\n");
    expect(destinationPages(new TextEncoder().encode(pdf), "section-\\d+")).toEqual(new Map([["section-1", 2], ["section-2", 3]]));
    expect(destinationPages(new TextEncoder().encode("%PDF-1.4 nothing"), "section-\\d+").size).toBe(0);
  });
});

describe("anchors in the printed document", () => {
  it("gives section and body headings GitHub's ids, so #anchor links land on them", () => {
    const link = { type: "text", text: "motivation", marks: [{ type: "link", attrs: { href: "#motivation" } }] } as PMDoc["content"][number];
    const doc: PrintableDocument = {
      title: "Ledger",
      status: "draft",
      template: { key: "t", name: "Template", version: 1 },
      contentHash: "a".repeat(64),
      owner: "Ada",
      authors: ["Ada"],
      reviewers: [],
      createdAt: "2026-03-04T10:00:00.000Z",
      updatedAt: "2026-03-05T10:00:00.000Z",
      sections: [
        { title: "Summary", depth: 1, fields: [], body: body({ type: "paragraph", content: [text("See "), link] }) },
        { title: "Motivation", depth: 1, fields: [], body: body({ type: "heading", attrs: { level: 2 }, content: [text("Summary")] }) },
      ],
      control: [],
      version: null,
    };
    const html = renderPrintHtml(doc, new Map());
    expect(html).toContain('<a id="summary"></a>Summary</h2>');
    expect(html).toContain('<a id="motivation"></a>Motivation</h2>');
    expect(html).toContain('<h3 id="summary-1" class="bh2">Summary</h3>');
    expect(html).toContain('href="#motivation"');
  });
});
