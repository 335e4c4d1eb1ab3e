/** One font stack for text and diagram labels, so Mermaid measures what the page prints. */
export const PRINT_FONT = '"Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif';
const MONO_FONT = '"Liberation Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace';

/** Page margins; the bottom one leaves room for the footer Chromium draws. */
export const PAGE_MARGIN = { top: "16mm", right: "16mm", bottom: "18mm", left: "16mm" } as const;

/**
 * Print CSS: the cover and the contents each end their page, headings stay with what
 * follows, code and tables wrap inside the page instead of running off its edge.
 */
export const PRINT_CSS = `
html { font-family: ${PRINT_FONT}; font-size: 10.5pt; line-height: 1.45; color: #1e293b; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; padding: 0 1px; }
a { color: #3730a3; text-decoration: none; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.1em 0 0.45em; break-after: avoid; page-break-after: avoid; break-inside: avoid; }
h1 { font-size: 22pt; } h2 { font-size: 15pt; } h3 { font-size: 13.5pt; } h4 { font-size: 12pt; } h5, h6 { font-size: 10.5pt; }
.bh1 { font-size: 13pt; padding-bottom: 1.5pt; border-bottom: 1px solid #e2e8f0; } .bh2 { font-size: 12.5pt; } .bh3 { font-size: 11.8pt; } .bh4 { font-size: 10.5pt; }
.bh5, .bh6 { font-size: 8.5pt; text-transform: uppercase; letter-spacing: 0.05em; color: #475569; }
p { margin: 0.45em 0; orphans: 3; widows: 3; }
code, pre, .hash { font-family: ${MONO_FONT}; }
code { font-size: 0.9em; background: #f1f5f9; border-radius: 3px; padding: 0 0.2em; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word; background: #f8fafc; border: 1px solid #e2e8f0; border-radius: 4px; padding: 6pt 8pt; font-size: 9pt; line-height: 1.4; }
pre code { background: none; padding: 0; font-size: inherit; }
.hljs-comment, .hljs-quote { color: #6e7781; font-style: italic; }
.hljs-keyword, .hljs-selector-tag, .hljs-doctag, .hljs-template-tag, .hljs-type { color: #cf222e; }
.hljs-title, .hljs-title.class_, .hljs-title.function_ { color: #8250df; }
.hljs-attr, .hljs-attribute, .hljs-literal, .hljs-meta, .hljs-number, .hljs-operator, .hljs-variable, .hljs-selector-attr, .hljs-selector-class, .hljs-selector-id { color: #0550ae; }
.hljs-string, .hljs-regexp { color: #0a3069; }
.hljs-built_in, .hljs-symbol { color: #953800; }
.hljs-name, .hljs-section, .hljs-tag { color: #116329; }
blockquote { margin: 0.6em 0; padding-left: 10pt; border-left: 3px solid #cbd5e1; color: #475569; }
hr { border: 0; border-top: 1px solid #cbd5e1; margin: 1em 0; }
ul, ol { padding-left: 1.4em; margin: 0.4em 0; }
ul[data-type="taskList"] { list-style: none; padding-left: 0.2em; }
ul[data-type="taskList"] > li > .box { display: inline-block; width: 1.2em; }
table { width: 100%; border-collapse: collapse; margin: 0.6em 0; font-size: 9pt; }
th, td { border: 1px solid #cbd5e1; padding: 3pt 5pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; word-break: break-word; }
th { background: #f1f5f9; font-weight: bold; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
td > p, th > p { margin: 0; }
.sw-placeholder { color: #64748b; font-style: italic; }
.sw-mention { color: #3730a3; background: #eef2ff; border-radius: 3px; padding: 0 2px; }
pre.sw-raw, code.sw-raw-inline { border: 1px dashed #cbd5e1; background: #f8fafc; color: #334155; }
.sw-raw-comment { color: #94a3b8; font-style: italic; }
img { max-width: 100%; max-height: 235mm; vertical-align: middle; break-inside: avoid; }
span.alt { color: #64748b; font-style: italic; }
.sw-footnote { font-size: 8.5pt; display: flex; gap: 0.4em; }
.footnote-label, .sw-definition { font-family: monospace; color: #64748b; }
.sw-definition { font-size: 8pt; overflow-wrap: anywhere; margin: 0.45em 0; }
div.keep { break-inside: avoid; page-break-inside: avoid; }
figure.diagram { margin: 0.8em 0; text-align: center; break-inside: avoid; }
figure.diagram svg { max-width: 100%; height: auto; max-height: 235mm; }
.diagram-error { border: 1px solid #fca5a5; background: #fef2f2; padding: 6pt; border-radius: 4px; }
.diagram-error p { color: #991b1b; margin: 0 0 4pt; font-size: 9pt; }
table.fields { width: auto; min-width: 60%; }
table.fields th { width: 11em; }

.cover { break-after: page; page-break-after: always; }
.cover .kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 9pt; color: #64748b; margin-top: 20mm; }
.cover h1 { font-size: 26pt; margin: 4pt 0 10pt; }
.cover h2 { font-size: 12.5pt; margin-top: 16pt; border-bottom: 1px solid #e2e8f0; padding-bottom: 2pt; }
.cover table.meta th { width: 9em; }
.hash { font-size: 7.5pt; white-space: nowrap; }
.status { display: inline-block; border: 1px solid #94a3b8; border-radius: 9pt; padding: 0 7pt; font-size: 9.5pt; }
.stale { color: #b45309; }
.note { font-size: 8.5pt; color: #64748b; }

nav.toc { break-after: page; page-break-after: always; }
nav.toc ol { list-style: none; padding: 0; margin: 0; }
nav.toc li { margin: 0; }
nav.toc a { display: flex; align-items: baseline; color: inherit; padding: 1.5pt 0; }
nav.toc .t { flex: 0 1 auto; }
nav.toc .dots { flex: 1 1 auto; border-bottom: 1px dotted #94a3b8; margin: 0 4pt; min-width: 12pt; }
nav.toc .n { flex: 0 0 3em; text-align: right; font-variant-numeric: tabular-nums; }
nav.toc .d1 { font-weight: bold; margin-top: 4pt; }
nav.toc .d2 { padding-left: 1.2em; } nav.toc .d3 { padding-left: 2.4em; } nav.toc .d4, nav.toc .d5, nav.toc .d6 { padding-left: 3.6em; }
`;
