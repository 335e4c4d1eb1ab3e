import { STATUS_LABELS } from "../../documents/inputs";
import type { PrintableDocument, PrintedApproval } from "../exportable";
import { bodyBlocks, escapeHtml, type Diagrams, type PrintBlock } from "./bodyHtml";
import { PRINT_CSS } from "./css";
import { documentAnchors } from "../../markdown/anchors";

/** The id a section's heading carries, also its PDF named destination (plain ASCII, so the name needs no escaping). */
export function sectionAnchor(index: number): string {
  return `section-${index + 1}`;
}

const DECISIONS: Record<string, string> = { approved: "Approved", changes_requested: "Changes requested" };

function row(label: string, valueHtml: string): string {
  return `<tr><th>${escapeHtml(label)}</th><td>${valueHtml}</td></tr>`;
}

function date(iso: string): string {
  return escapeHtml(iso.slice(0, 10));
}

function approvalRows(a: PrintedApproval): string {
  const state = a.stale ? '<span class="stale">Stale: the content changed after this decision</span>' : "Current";
  return (
    `<tr><td>${escapeHtml(a.role)}</td><td>${escapeHtml(a.name)}</td><td>${escapeHtml(DECISIONS[a.decision] ?? a.decision)}</td><td>${date(a.date)}</td><td>${state}</td></tr>` +
    `<tr><td colspan="5">Content hash decided on: <span class="hash">${escapeHtml(a.contentHash)}</span></td></tr>`
  );
}

function cover(doc: PrintableDocument): string {
  const meta = [
    doc.number ? row("Number", escapeHtml(doc.number)) : "",
    row("Status", `<span class="status">${escapeHtml(STATUS_LABELS[doc.status])}</span>`),
    doc.version ? row("Version", escapeHtml(doc.version)) : "",
    row("Template", `${escapeHtml(doc.template.name)} (template v${doc.template.version})`),
    row("Owner", escapeHtml(doc.owner)),
    row("Authors", escapeHtml(doc.authors.join(", "))),
    row("Created", date(doc.createdAt)),
    row("Last updated", date(doc.updatedAt)),
    row("Content hash", `<span class="hash">${escapeHtml(doc.contentHash)}</span>`),
  ].join("");
  const control = doc.control.length
    ? `<h2>Document control</h2><table class="fields"><tbody>${doc.control.map((f) => row(f.label, escapeHtml(f.value))).join("")}</tbody></table>`
    : "";
  const approvals = doc.reviewers.length
    ? `<table class="approvals"><thead><tr><th>Role</th><th>Reviewer</th><th>Decision</th><th>Date</th><th>State</th></tr></thead><tbody>${doc.reviewers.map(approvalRows).join("")}</tbody></table>`
    : '<p class="note">No sign-off decisions have been recorded.</p>';
  return `<section class="cover">
<p class="kicker">${doc.number ? `${escapeHtml(doc.number)} · ` : ""}${escapeHtml(doc.template.name)}</p>
<h1>${escapeHtml(doc.title)}</h1>
<table class="meta fields"><tbody>${meta}</tbody></table>
${control}
<h2>Approvals</h2>
${approvals}
<p class="note">Each decision records the SHA-256 hash of the content it covered: the whole document, or the sections its role is scoped to. The content hash above is the document's own at the time of printing; compare both with the system to check this copy.</p>
</section>`;
}

/** `pages` maps a section anchor to its page number; without it the numbers are blank but take their room. */
function contents(doc: PrintableDocument, pages: ReadonlyMap<string, number> | null): string {
  const items = doc.sections.map((s, i) => {
    const anchor = sectionAnchor(i);
    const page = pages?.get(anchor);
    const depth = Math.min(6, Math.max(1, s.depth));
    return `<li class="d${depth}"><a href="#${anchor}"><span class="t">${escapeHtml(s.title || "Introduction")}</span><span class="dots"></span><span class="n">${page ?? ""}</span></a></li>`;
  });
  return `<nav class="toc"><h2>Contents</h2><ol>${items.join("")}</ol></nav>`;
}

/**
 * Headings travel in one unbreakable group with the first block after them: Chromium does
 * not always honour break-after: avoid, and a page must not end on a heading.
 */
function keepHeadingsWithNext(blocks: PrintBlock[]): string {
  const out: string[] = [];
  let pending: string[] = [];
  for (const block of blocks) {
    if (block.heading) {
      pending.push(block.html);
      continue;
    }
    out.push(pending.length ? `<div class="keep">${pending.join("")}${block.html}</div>` : block.html);
    pending = [];
  }
  if (pending.length) out.push(`<div class="keep">${pending.join("")}</div>`);
  return out.join("\n");
}

/** Gives a body's headings, in order, the ids `#anchor` links name (GitHub's slugs). */
function withHeadingIds(blocks: PrintBlock[], ids: string[]): PrintBlock[] {
  let next = 0;
  return blocks.map((b) => {
    const id = b.heading ? ids[next++] : undefined;
    return id ? { ...b, html: b.html.replace(/^<h([1-6])/, `<h$1 id="${escapeHtml(id)}"`) } : b;
  });
}

function sections(doc: PrintableDocument, diagrams: Diagrams): string {
  const blocks: PrintBlock[] = [];
  const anchors = documentAnchors(doc.title, doc.sections.map((s, i) => ({ key: String(i), title: s.title, body: s.body })));
  doc.sections.forEach((s, i) => {
    const level = Math.min(6, Math.max(1, s.depth) + 1);
    const slug = anchors.sections[String(i)];
    // the section's destination stays section-N (the contents use it); its GitHub anchor sits inside
    // an untitled section (the text before a file's first heading) has no heading, only its destination
    const heading = s.title ? `<h${level} id="${sectionAnchor(i)}">${slug ? `<a id="${escapeHtml(slug)}"></a>` : ""}${escapeHtml(s.title)}</h${level}>` : `<div id="${sectionAnchor(i)}"></div>`;
    blocks.push({ html: heading, heading: true });
    if (s.fields.length) blocks.push({ html: `<table class="fields"><tbody>${s.fields.map((f) => row(f.label, escapeHtml(f.value))).join("")}</tbody></table>`, heading: false });
    blocks.push(...withHeadingIds(bodyBlocks(s.body, diagrams), anchors.headings[String(i)] ?? []));
  });
  return keepHeadingsWithNext(blocks);
}

/**
 * The whole document as one self-contained HTML page for printing: inline CSS, no scripts,
 * no network (the CSP forbids both), a cover, the contents, then each section with its
 * fields and body. Pure; throws nothing.
 */
export function renderPrintHtml(doc: PrintableDocument, diagrams: Diagrams, pages: ReadonlyMap<string, number> | null = null): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>${escapeHtml(doc.number ? `${doc.number} ${doc.title}` : doc.title)}</title>
<style>${PRINT_CSS}</style>
</head><body>
${cover(doc)}
${contents(doc, pages)}
<main>
${sections(doc, diagrams)}
</main>
</body></html>`;
}
