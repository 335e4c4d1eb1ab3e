/**
 * Hostile input for the XSS journey (xss.spec.ts). Every payload that could run calls
 * `alert` or sets `window.__pwned`, which the trap in `installXssTrap` reports.
 */

/** HTML and script text, for any place text is shown: titles, fields, comments, bodies, pastes. */
export const HTML_PAYLOADS = [
  `<script>window.__pwned=1;alert(1)</script>`,
  `<img src=x onerror="window.__pwned=1;alert(1)">`,
  `<svg onload="window.__pwned=1;alert(1)"></svg>`,
  `<svg><script>window.__pwned=1</script></svg>`,
  `<iframe srcdoc="<script>parent.__pwned=1;parent.alert(1)</script>"></iframe>`,
  `<iframe src="javascript:parent.__pwned=1"></iframe>`,
  `<a href="javascript:window.__pwned=1;alert(1)">js link</a>`,
  `<a href="JaVaScRiPt:window.__pwned=1">mixed case</a>`,
  `<a href="java&#x09;script:window.__pwned=1">entity tab</a>`,
  `<a href="&#106;avascript:window.__pwned=1">entity j</a>`,
  `<a href="data:text/html,<script>alert(1)</script>">data link</a>`,
  `<a href="vbscript:msgbox(1)">vbscript</a>`,
  `<a href="/\\evil.example">slash-backslash</a>`,
  `<a href="https://ok.example/" rel="opener" target="_top" class="fixed inset-0 z-50" style="position:fixed;inset:0">overlay</a>`,
  `<div onmouseover="window.__pwned=1" style="position:fixed;inset:0">hover</div>`,
  `<details open ontoggle="window.__pwned=1;alert(1)">toggle</details>`,
  `<input autofocus onfocus="window.__pwned=1">`,
  `<video><source onerror="window.__pwned=1"></video>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">`,
  `<object data="javascript:window.__pwned=1"></object>`,
  `<embed src="javascript:window.__pwned=1">`,
  `<form action="javascript:window.__pwned=1"><button>go</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">`,
  `<base href="javascript:window.__pwned=1//">`,
  `<style>*{background:url("javascript:window.__pwned=1")}</style>`,
  `"><img src=x onerror="window.__pwned=1">`,
  `'--></script><script>window.__pwned=1</script>`,
  `{{constructor.constructor('window.__pwned=1')()}}`,
];

/** Link targets, for Markdown links, pasted links, typed addresses and the link command. */
export const URL_PAYLOADS = [
  "javascript:window.__pwned=1",
  "JaVaScRiPt:window.__pwned=1",
  " javascript:window.__pwned=1",
  "java\tscript:window.__pwned=1",
  "java\nscript:window.__pwned=1",
  "\u0001javascript:window.__pwned=1",
  "javascript&colon;window.__pwned=1",
  "data:text/html,<script>alert(1)</script>",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "vbscript:msgbox(1)",
  "//evil.example",
  "/\\evil.example",
  "/%09/evil.example",
  "\\\\evil.example",
  "https://trusted.example@evil.example/",
];

/** Mermaid sources: script in labels, click callbacks and links, and init directives that loosen security. */
export const MERMAID_PAYLOADS = [
  `%%{init: {"securityLevel": "loose", "flowchart": {"htmlLabels": true}}}%%\nflowchart LR\n  A["<img src=x onerror=window.__pwned=1>"] --> B\n  click A call alert(1)`,
  `%%{init: {"securityLevel": "loose", "htmlLabels": true}}%%\nflowchart LR\n  A --> B\n  click B "javascript:window.__pwned=1" "tip"`,
  `flowchart LR\n  A["<script>window.__pwned=1</script>"] --> B["<iframe srcdoc='<script>parent.__pwned=1</script>'>"]\n  click A callback "tip"`,
  `flowchart LR\n  A["<a href='javascript:window.__pwned=1'>x</a>"] --> B`,
  `%%{init: {"themeCSS": "}</style><img src=x onerror=window.__pwned=1><style>"}}%%\nflowchart TD\n  A --> B`,
  `%%{init: {"fontFamily": "\\"><img src=x onerror=window.__pwned=1>"}}%%\nflowchart TD\n  A --> B`,
  `%%{init: {"securityLevel": "loose"}}%%\nsequenceDiagram\n  Alice->>Bob: <img src=x onerror=window.__pwned=1>`,
  `classDiagram\n  class Evil\n  click Evil href "javascript:window.__pwned=1"`,
  `%%{init: {"securityLevel": "loose"}}%%\ngantt\n  title <img src=x onerror=window.__pwned=1>\n  section S\n  Task :a1, 2024-01-01, 1d\n  click a1 call alert(1)`,
];

/** A Markdown file carrying every payload: headings, raw HTML, links, images, autolinks and diagrams. */
export function hostileMarkdown(): string {
  const lines: string[] = [`# <img src=x onerror="window.__pwned=1"> imported`, ""];
  HTML_PAYLOADS.forEach((payload, i) => lines.push(`## ${payload} ${i}`, "", `Inline ${payload} text.`, "", payload, ""));
  lines.push("## Links", "");
  for (const url of URL_PAYLOADS) {
    const target = url.replace(/[\s<>]/g, (c) => encodeURIComponent(c));
    lines.push(`[link](<${target}>) ![image](<${target}>) <${target}>`, "");
  }
  lines.push("## Diagrams", "");
  for (const source of MERMAID_PAYLOADS) lines.push("```mermaid", source, "```", "");
  return lines.join("\n");
}
