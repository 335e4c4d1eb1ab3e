// Markdown import: how long planning an import takes (mojibake repair, parse, sections,
// mapping onto a template, canonical rich text) for the largest seed and for a file at the
// 512 KB limit, beside the floor of only parsing the same Markdown. In-process, no database.
// Run: npx tsx bench/import.ts
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { normalizeDoc } from "../lib/editor/pmSchema";
import { MAX_IMPORT_BYTES } from "../lib/import/inputs";
import { planAsIs, planOntoTemplate } from "../lib/import/planDocument";
import { importMarkdown } from "../lib/markdown/importMarkdown";
import { repairMojibake } from "../lib/markdown/mojibake";
import { parseMarkdown } from "../lib/markdown/parse";
import { BUILTIN_TEMPLATES } from "../lib/templates/builtins";
import { median, ms, printTable, ratio, runBench, type Row } from "./support/harness";

const seeds = [path.resolve("../shared/seeds"), "/work/shared/seeds"];
const seedFile = (name: string) => readFileSync(path.join(seeds.find((dir) => { try { readFileSync(path.join(dir, name)); return true; } catch { return false; } })!, name), "utf8");

function time(runs: number, fn: () => void, warmUp = true): number {
  if (warmUp) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const ctx = { creatorId: "user", today: "2026-01-01", members: [] };

void runBench("import", async () => {
  const garbled = seedFile("003_9d4da6775430f4ee.txt");
  const sdd = BUILTIN_TEMPLATES.find((t) => t.key === "software-design-document")!;
  const ontoTemplate = time(20, () => {
    const plan = planOntoTemplate(importMarkdown(repairMojibake(garbled)), sdd, ctx);
    for (const s of plan.sections) normalizeDoc(s.body);
  });
  const parseSeed = time(20, () => parseMarkdown(garbled));

  // a file just under the limit: the seed repeated
  const repeats = Math.floor(MAX_IMPORT_BYTES / Buffer.byteLength(garbled));
  const big = Array.from({ length: repeats }, () => garbled).join("\n");
  // one run each: at the limit a single run takes seconds
  const asIs = time(1, () => {
    const imported = importMarkdown(repairMojibake(big));
    const plan = planAsIs(imported, { key: "imported-bench", name: "Imported", title: imported.title ?? "Big" });
    for (const s of plan.sections) normalizeDoc(s.body);
  }, false);
  const parseBig = time(1, () => parseMarkdown(big), false);

  const rows: Row[] = [
    { figure: `seed 003 (${(Buffer.byteLength(garbled) / 1024).toFixed(0)} KB) onto its template`, measured: ms(ontoTemplate), floor: ms(parseSeed), ratio: ratio(ontoTemplate, parseSeed), budget: "—" },
    { figure: `${(Buffer.byteLength(big) / 1024).toFixed(0)} KB file as is`, measured: ms(asIs), floor: ms(parseBig), ratio: ratio(asIs, parseBig), budget: "—" },
  ];
  printTable("Markdown import planning (median; floor: parsing the same Markdown only)", rows);
});
