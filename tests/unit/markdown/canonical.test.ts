import { describe, expect, it } from "vitest";
import { markdownToDoc } from "@/lib/markdown/fromMarkdown";
import { docToMarkdown } from "@/lib/markdown/toMarkdown";

const roundTrip = (md: string) => docToMarkdown(markdownToDoc(md).doc);

// Sources already in our canonical style (`-` bullets, `*` emphasis, fenced code, one-space
// list indent, `***` rules, unaligned table pipes) come back byte for byte.
const CANONICAL: [string, string][] = [
  ["headings", "# One\n\n## Two\n\n###### Six\n"],
  ["emphasis, strong, strike and code", "Some *emphasis*, **strong**, ~~gone~~ and `code`.\n"],
  ["links inside emphasis", "**Read [the guide](https://guide.example) first** and *[this](https://this.example)*.\n"],
  ["soft line breaks", "A paragraph that wraps\nover three lines\nas written.\n"],
  ["hard breaks", "first\\\nsecond\n"],
  ["inline links with titles", '[docs](https://docs.example "The docs") and [local](/path#frag).\n'],
  ["reference links and definitions", "See [RFC 1] and [the spec][spec].\n\n[rfc 1]: https://rfc.example/1\n[spec]: https://spec.example \"Spec\"\n"],
  ["collapsed references", "A [term][] here.\n\n[term]: https://term.example\n"],
  ["images", '![diagram](/img/a.png "Overview") and ![logo][logo]\n\n[logo]: https://logo.example/l.png\n'],
  ["bare and angle autolinks", "Go to https://example.com/a_b or <https://example.org>.\n"],
  ["footnotes", "Claim[^1].\n\n[^1]: Source.\n"],
  ["html comments", "<!-- TODO: fill in -->\n\nText.\n"],
  ["html blocks", "<details>\n<summary>Why</summary>\n\nBecause.\n\n</details>\n"],
  ["inline html", "H<sub>2</sub>O<br>next\n"],
  ["tight lists", "- one\n- two\n  - nested\n"],
  ["loose lists", "- one\n\n- two\n"],
  ["ordered lists with a start", "3. three\n4. four\n"],
  ["task lists", "- [ ] open\n  - [x] nested done\n- [x] done\n"],
  ["tables with alignment", "| Name | Count | Note |\n| :- | -: | :-: |\n| a | 1 | x |\n"],
  ["tables without alignment", "| A | B |\n| - | - |\n| 1 | 2 |\n"],
  ["fenced code with tabs", "```go\nfunc f() {\n\treturn\n}\n```\n"],
  ["fences with an info string", '```ts title="a.ts"\nconst a = 1;\n```\n'],
  ["mermaid with front matter", "```mermaid\n---\ntitle: Flow\n---\nflowchart LR\n  a --> b\n```\n"],
  ["blockquotes", "> quoted\n> text\n"],
  ["rules", "above\n\n***\n\nbelow\n"],
  ["placeholders", "Owner: [Owner Name], feature {feature}.\n"],
  ["bracketed text that is no link", "As shown in [1] and [2, 3].\n"],
  ["GitHub alerts", "> [!NOTE]\n> Read this first.\n"],
  ["escaped characters", "A literal \\*star\\* here.\n\n1\\. not a list\n"],
];

describe("canonical Markdown", () => {
  it.each(CANONICAL)("comes back byte-identical: %s", (_name, source) => {
    expect(roundTrip(source)).toBe(source);
  });
});
