import { describe, expect, it } from "vitest";
import { normalizeDoc } from "@/lib/editor/documentSchema";
import { docToText, walk, type PMDoc, type PMNode } from "@/lib/editor/schema";
import { markdownToDoc, mdastToDoc } from "@/lib/markdown/fromMarkdown";
import { parseMarkdown } from "@/lib/markdown/parse";
import { docToMarkdown } from "@/lib/markdown/toMarkdown";

const roundTrip = (md: string) => docToMarkdown(markdownToDoc(md).doc);

function nodesOf(doc: PMDoc, type: PMNode["type"]): PMNode[] {
  const out: PMNode[] = [];
  walk(doc, (n) => n.type === type && out.push(n));
  return out;
}

function linkMarks(doc: PMDoc): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  walk(doc, (n) => n.marks?.forEach((m) => m.type === "link" && out.push(m.attrs ?? {})));
  return out;
}

describe("Markdown constructs through import and export", () => {
  it("keeps reference links in their form, resolved to their definition, with the definitions where they were", () => {
    const md = "See [kubernetes/enhancements] and [the repo][repo] and [collapsed][].\n\n[kubernetes/enhancements]: https://github.com/kubernetes/enhancements\n[repo]: https://github.com/x/y \"Repo\"\n[collapsed]: https://c.example\n";
    const { doc } = markdownToDoc(md);
    expect(linkMarks(doc).map((a) => [a.href, a.reference, a.referenceType])).toEqual([
      ["https://github.com/kubernetes/enhancements", "kubernetes/enhancements", "shortcut"],
      ["https://github.com/x/y", "repo", "full"],
      ["https://c.example", "collapsed", "collapsed"],
    ]);
    expect(nodesOf(doc, "definition").map((n) => n.attrs)).toEqual([
      { identifier: "kubernetes/enhancements", label: "kubernetes/enhancements", url: "https://github.com/kubernetes/enhancements", title: null },
      { identifier: "repo", label: "repo", url: "https://github.com/x/y", title: "Repo" },
      { identifier: "collapsed", label: "collapsed", url: "https://c.example", title: null },
    ]);
    expect(roundTrip(md)).toBe(md);
  });

  it("resolves a section's references against definitions elsewhere in the file", () => {
    const source = "# One\n\nSee [spec].\n\n# Two\n\n[spec]: https://spec.example\n";
    const root = parseMarkdown(source);
    const { doc } = mdastToDoc(root.children.slice(0, 2), source);
    expect(linkMarks(doc)[0]).toMatchObject({ href: "https://spec.example", reference: "spec", referenceType: "shortcut" });
  });

  it("writes a reference whose definition is gone as an inline link", () => {
    const { doc } = markdownToDoc("See [spec].\n\n[spec]: https://spec.example\n");
    const withoutDefinition: PMDoc = { type: "doc", content: doc.content.filter((n) => n.type !== "definition") };
    expect(docToMarkdown(withoutDefinition)).toBe("See [spec](https://spec.example).\n");
  });

  it("keeps reference images, image titles and link titles", () => {
    const md = 'A ![diagram](/img/a.png "Overview") and ![logo][logo] and [docs](https://docs.example "Docs").\n\n[logo]: /logo.png\n';
    const { doc } = markdownToDoc(md);
    expect(nodesOf(doc, "image").map((n) => n.attrs)).toEqual([
      { src: "/img/a.png", alt: "diagram", title: "Overview", reference: null, referenceType: null },
      { src: "/logo.png", alt: "logo", title: null, reference: "logo", referenceType: "full" },
    ]);
    expect(roundTrip(md)).toBe(md);
  });

  it("keeps footnote references and their definitions", () => {
    const md = "A claim[^1] and another[^note].\n\n[^1]: The source.\n[^note]: A longer note.\n";
    const { doc } = markdownToDoc(md);
    expect(nodesOf(doc, "footnoteReference").map((n) => n.attrs?.label)).toEqual(["1", "note"]);
    expect(nodesOf(doc, "footnoteDefinition").map((n) => docToText({ type: "doc", content: [n] }))).toEqual(["The source.", "A longer note."]);
    expect(roundTrip(md)).toBe(md);
  });

  it("writes autolinks and bare addresses back as they were written", () => {
    const md = "Bare https://example.com/path, www.example.net and a@b.co; angled <https://example.org> and <mailto:x@y.z>.\n";
    expect(linkMarks(markdownToDoc(md).doc).map((a) => a.autolink)).toEqual(["literal", "literal", "literal", "angle", "angle"]);
    expect(roundTrip(md)).toBe(md);
  });

  it("leaves an address whose @ was escaped as text, and writes plain text that looks like one so", () => {
    for (const md of ["Write to ops\\@example.com.\n", "Write to ops&#64;example.com or ops&commat;example.org.\n"]) {
      const { doc } = markdownToDoc(md);
      expect(linkMarks(doc)).toEqual([]);
      expect(docToText(doc)).toContain("ops@example.");
    }
    // text that became one piece (an unsafe link's text beside an address) stays text on every pass
    const typed: PMDoc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Mail a@b.co_x now" }] }] };
    expect(docToMarkdown(typed)).toBe("Mail a\\@b.co_x now\n");
    expect(linkMarks(markdownToDoc(docToMarkdown(typed)).doc)).toEqual([]);
    // the same for a web address written escaped
    const escaped = markdownToDoc("See https\\://example.com/path now.\n").doc;
    expect(linkMarks(escaped)).toEqual([]);
    expect(docToText(escaped)).toBe("See https://example.com/path now.");
  });

  it("keeps HTML comments and raw HTML, block and inline, byte for byte", () => {
    const md = "<!-- a comment\n  spanning lines -->\n\n<details>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n\nH<sub>2</sub>O and a<br>break and <!-- inline -->.\n";
    const { doc } = markdownToDoc(md);
    expect(nodesOf(doc, "htmlBlock").map((n) => n.attrs?.html)).toEqual(["<!-- a comment\n  spanning lines -->", "<details>\n<summary>More</summary>", "</details>"]);
    expect(nodesOf(doc, "htmlInline").map((n) => n.attrs?.html)).toEqual(["<sub>", "</sub>", "<br>", "<!-- inline -->"]);
    expect(roundTrip(md)).toBe(md);
  });

  it("keeps soft line breaks soft and hard breaks hard, without &#x20; for trailing spaces", () => {
    const { doc } = markdownToDoc("one line\nwraps here  \nthen a hard break\\\nand another\n");
    expect(doc.content[0]?.content?.map((n) => n.type)).toEqual(["text", "hardBreak", "text", "hardBreak", "text"]);
    expect(doc.content[0]?.content?.[0]?.text).toBe("one line\nwraps here");
    expect(roundTrip("one line\nwraps here\n")).toBe("one line\nwraps here\n");
    const typed: PMDoc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "ends with a space " }] }] };
    expect(docToMarkdown(typed)).toBe("ends with a space\n");
  });

  it("keeps the meaning of escapes and entities", () => {
    const md = "Escapes \\* \\_ \\` and entities &copy; &amp; &#123; &lt;b&gt;\n";
    const once = roundTrip(md);
    expect(docToText(markdownToDoc(once).doc)).toBe("Escapes * _ ` and entities © & { <b>");
    expect(roundTrip(once)).toBe(once);
  });

  it("brings ~~~ and indented code back as code with the same content, tabs included", () => {
    const md = "~~~python\ndef f():\n\treturn 1\n~~~\n\n    indented\n    \tcode\n";
    const { doc } = markdownToDoc(md);
    expect(nodesOf(doc, "codeBlock").map((n) => n.content?.[0]?.text)).toEqual(["def f():\n\treturn 1", "indented\n\tcode"]);
    expect(roundTrip(md)).toBe("```python\ndef f():\n\treturn 1\n```\n\n```\nindented\n\tcode\n```\n");
  });

  it("keeps what follows a fence's language", () => {
    const md = '```ts title="a.ts" {1,3}\nconst a = 1;\n```\n';
    expect(nodesOf(markdownToDoc(md).doc, "codeBlock")[0]?.attrs).toEqual({ language: "ts", meta: 'title="a.ts" {1,3}' });
    expect(roundTrip(md)).toBe(md);
  });

  it("keeps loose and tight lists, start numbers and nested task lists with their state", () => {
    const md = "- tight\n- list\n\n1. loose\n\n2. list\n\n<!-- -->\n\n7. starts at seven\n8. next\n\n- [ ] todo\n  - [x] nested done\n  - [ ] nested open\n- [x] done\n";
    const { doc } = markdownToDoc(md);
    expect(doc.content.filter((n) => n.type !== "htmlBlock").map((n) => [n.type, n.attrs?.spread, n.attrs?.start])).toEqual([
      ["bulletList", false, undefined],
      ["orderedList", true, 1],
      ["orderedList", false, 7],
      ["taskList", false, undefined],
    ]);
    expect(nodesOf(doc, "taskItem").map((n) => n.attrs?.checked)).toEqual([false, true, false, true]);
    expect(roundTrip(md)).toBe(md);
  });

  it("writes Markdown that reads back as written where lists, quotes, line starts and addresses could read otherwise", () => {
    // each found by the round-trip property test: converting the export again changed it
    const cases: [string, string][] = [
      // a tight list in a quote, then a quote (mdast counts the blank line before it as the list's)
      ["> - a\n> - b\n> > c\n", "> - a\n> - b\n>\n> > c\n"],
      // HTML indented less than its list's items, and HTML indented on an item's first line
      ["-  a\n  <div>\nb\n", "- a\n\n<div>\nb\n"],
      ["-\n    <!-- c -->\n", "- <!-- c -->\n"],
      // a marker alone on its line, then another
      ["\\-\n&#45;\n", "\\-\n\\-\n"],
      ["1\\.\n1&#46; x\n", "1\\.\n1\\. x\n"],
      // an @ right after another's next letter (GFM read a@b.co once the _ was escaped)
      ["A@a@b.co_\n", "A\\@a\\@b.co\\_\n"],
      // an escaped scheme in capitals (GFM reads HTTPS:// as an address too)
      ["HTTPS\\://example.com\n", "HTTPS\\://example.com\n"],
      // a footnote of several blocks in an item; an empty item after a paragraph
      ["- [^n]: a\n      # b\n- c\n", "- [^n]: a\n\n      # b\n\n- c\n"],
      ["- a\n  - &#x20;\n", "- a\n\n  -\n"],
      // inline HTML whose next line, its indentation dropped, would begin a quote
      ["<A\n    >\n", "<A\n    >\n"],
      ["a <!--\n    - x -->\n", "a <!--\n    - x -->\n"],
      // a link definition labelled like a footnote (indented under another definition)
      ["[a]: https://example.com/a\n    [^n]: y\n", "[a]: https://example.com/a\n\n\\[^n]: y\n"],
    ];
    for (const [md, expected] of cases) {
      expect(roundTrip(md), JSON.stringify(md)).toBe(expected);
      expect(roundTrip(expected), JSON.stringify(expected)).toBe(expected);
    }
    expect(markdownToDoc("> - a\n> - b\n>\n> > c\n").doc.content[0]?.content?.[0]?.attrs?.spread).toBe(false);
  });

  it("keeps each item's checkbox in a list that mixes tasks and plain items", () => {
    const md = "- plain\n- [x] done\n";
    const { doc } = markdownToDoc(md);
    expect(nodesOf(doc, "listItem").map((n) => n.attrs?.checked ?? null)).toEqual([null, true]);
    expect(roundTrip(md)).toBe(md);
  });

  it("keeps numbered task lists numbered, from their start", () => {
    const md = "3. [ ] first\n4. [x] second\n";
    const { doc } = markdownToDoc(md);
    expect(doc.content[0]).toMatchObject({ type: "taskList", attrs: { start: 3 } });
    expect(nodesOf(doc, "taskItem").map((n) => n.attrs?.checked)).toEqual([false, true]);
    expect(roundTrip(md)).toBe(md);
  });

  it("keeps table column alignment", () => {
    const md = "| Left | Center | Right | None |\n| :- | :-: | -: | - |\n| a | b | c | d |\n";
    const { doc } = markdownToDoc("| Left | Center | Right | None |\n|:-----|:------:|------:|------|\n| a | b | c | d |\n");
    expect(nodesOf(doc, "tableHeader").map((n) => n.attrs?.align ?? null)).toEqual(["left", "center", "right", null]);
    expect(docToMarkdown(doc)).toBe(md);
    expect(roundTrip(md)).toBe(md);
  });

  it("keeps a Mermaid fence's own front matter", () => {
    const md = "```mermaid\n---\ntitle: Flow\nconfig:\n  theme: forest\n---\nflowchart LR\n  a --> b\n```\n";
    expect(nodesOf(markdownToDoc(md).doc, "mermaid")[0]?.attrs?.source).toBe("---\ntitle: Flow\nconfig:\n  theme: forest\n---\nflowchart LR\n  a --> b");
    expect(roundTrip(md)).toBe(md);
  });

  it("brings setext headings back as headings of the same level", () => {
    const { doc } = markdownToDoc("Title\n=====\n\nSub\n---\n");
    expect(doc.content.map((n) => [n.type, n.attrs?.level])).toEqual([
      ["heading", 1],
      ["heading", 2],
    ]);
    expect(roundTrip("Title\n=====\n\nSub\n---\n")).toBe("# Title\n\n## Sub\n");
  });

  it("makes unsafe link and image targets inert and keeps their text", () => {
    const md = "[one](javascript:alert(1)) [two](data:text/html,x) [three](vbscript:x) [four](\\\\evil.example) ![five](javascript:x) [six][bad]\n\n[bad]: javascript:alert(2)\n";
    const { doc } = markdownToDoc(md);
    expect(linkMarks(doc)).toEqual([]);
    expect(nodesOf(doc, "image")).toEqual([]);
    const out = docToMarkdown(doc);
    // the definition is no longer one: its text stays, escaped so it reads back as text
    expect(out).toBe("one two three four five \\[six][bad]\n\n\\[bad]: javascript:alert(2)\n");
    expect(nodesOf(doc, "definition")).toEqual([]);
    expect(roundTrip(out)).toBe(out);
    expect(normalizeDoc(markdownToDoc(out).doc)).toEqual(normalizeDoc(doc));
  });

  it("keeps placeholders working: [Label] without a definition and {feature}", () => {
    const { doc } = markdownToDoc("Project [Project Name] for {feature}.\n");
    expect(nodesOf(doc, "placeholder").map((n) => n.attrs?.label)).toEqual(["[Project Name]", "{feature}"]);
    expect(docToMarkdown(doc)).toBe("Project [Project Name] for {feature}.\n");
  });

  it("lists raw HTML it keeps verbatim", () => {
    expect(markdownToDoc("<div>x</div>\n\na <b>b</b>\n").keptAsText).toEqual(["<div>x</div>", "<b>", "</b>"]);
  });

  it("keeps a template line that reads as a definition without a usable target as text", () => {
    const md = "- [Component 1]: [Description]\n- [Component 2]: [Description]\n\nSee [Component 1].\n";
    const { doc } = markdownToDoc(md);
    expect(nodesOf(doc, "definition")).toEqual([]);
    expect(nodesOf(doc, "placeholder").map((n) => n.attrs?.label)).toEqual(["[Component 1]", "[Description]", "[Component 2]", "[Description]", "[Component 1]"]);
    const once = roundTrip(md);
    expect(once).toBe("- \\[Component 1]: [Description]\n- \\[Component 2]: [Description]\n\nSee [Component 1].\n");
    expect(roundTrip(once)).toBe(once);
  });

  it("keeps links and images to paths relative to the document, as Markdown resolves them", () => {
    const md = "See [the spec](docs/spec.md), [KEP](../keps/0001/README.md#summary) and ![arch](images/arch.png).\n";
    const { doc } = markdownToDoc(md);
    expect(linkMarks(doc).map((a) => a.href)).toEqual(["docs/spec.md", "../keps/0001/README.md#summary"]);
    expect(nodesOf(doc, "image").map((n) => n.attrs?.src)).toEqual(["images/arch.png"]);
    expect(roundTrip(md)).toBe(md);
  });
});
