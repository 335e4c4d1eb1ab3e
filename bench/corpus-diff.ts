// Markdown round trip over the corpus of real design documents (tests/fixtures/design-docs):
// each file goes through the product's conversion (import, then export, as `specwright convert`
// does it) and is compared with its source; prints, per file, the differences a reader would
// notice by construct, and whether converting the export again changes any byte.
// Run: npx tsx bench/corpus-diff.ts [--verbose] [name-filter]
import { compareMarkdown, countByConstruct, type Construct } from "../lib/markdown/compare";
import { convertMarkdown, corpusFixtures } from "../tests/support/corpus";

const verbose = process.argv.includes("--verbose");
const filter = process.argv.slice(2).find((a) => !a.startsWith("--"));

const CONSTRUCTS: Construct[] = ["frontMatter", "heading", "table", "code", "mermaid", "task", "list", "block", "text", "formatting", "link", "image", "definition", "footnote", "html"];

const rows: string[][] = [];
const totals: Partial<Record<Construct, number>> = {};
let total = 0;
let unstable = 0;
let failed = 0;
for (const { name, markdown } of corpusFixtures().filter((f) => !filter || f.name.includes(filter))) {
  let exported: string;
  try {
    exported = convertMarkdown(markdown, name);
  } catch (error) {
    failed++;
    rows.push([name, `conversion failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`]);
    continue;
  }
  const differences = compareMarkdown(markdown, exported);
  let again: string | null = null;
  try {
    again = convertMarkdown(exported, name);
  } catch {
    again = null;
  }
  const stable = again === exported;
  if (!stable) unstable++;
  const counts = countByConstruct(differences);
  for (const [construct, n] of Object.entries(counts) as [Construct, number][]) totals[construct] = (totals[construct] ?? 0) + n;
  total += differences.length;
  const parts = CONSTRUCTS.filter((c) => counts[c]).map((c) => `${c} ${counts[c]}`);
  rows.push([name, `${differences.length}`, stable ? "stable" : again === null ? "2nd conversion failed" : "not stable", parts.join(", ")]);
  if (verbose) {
    for (const d of differences) {
      const where = [d.source ? `L${d.source.line}` : "", d.other ? `→ L${d.other.line}` : ""].filter(Boolean).join(" ");
      rows.push(["", "", "", `  [${d.construct}] ${where} ${d.message}`]);
    }
  }
}

const width = Math.max(...rows.map((r) => r[0]?.length ?? 0));
for (const row of rows) console.log(`${(row[0] ?? "").padEnd(width)}  ${(row[1] ?? "").padStart(5)}  ${(row[2] ?? "").padEnd(10)}  ${row[3] ?? ""}`);
console.log("");
console.log(`total differences: ${total}  (${CONSTRUCTS.filter((c) => totals[c]).map((c) => `${c} ${totals[c]}`).join(", ")})`);
console.log(`files whose export changes when converted again: ${unstable}; conversions that failed: ${failed}`);
