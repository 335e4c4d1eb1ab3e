import { diffBodies } from "./lib/versions/bodyDiff";
import { diffSections } from "./lib/versions/diff";
import { normalizeDoc } from "./lib/editor/pmSchema";
import { markdownToDoc } from "./lib/markdown/fromMarkdown";
const W = "the ledger retries each webhook with backoff and records every charge refund dispute in one table so that reviewers can follow what changed and why".split(" ");
let seed = 1; const r = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const sent = () => Array.from({ length: 16 }, () => W[Math.floor(r() * W.length)]).join(" ") + ".";
const md = () => Array.from({ length: 3 }, () => Array.from({ length: 3 }, sent).join(" ")).join("\n\n") + "\n\n| Step | Owner |\n| --- | --- |\n| a | b |";
const mutate = (s: string) => { const w = s.split(" "); for (let i = 0; i < 16; i++) w.splice(Math.floor(r() * w.length), 0, "extra"); return w.join(" "); };
const secs = Array.from({ length: 60 }, (_, i) => { const m = md(); return [ { key: `k${i}`, title: "t", depth: 1, fields: {}, body: normalizeDoc(markdownToDoc(m).doc) }, { key: `k${i}`, title: "t", depth: 1, fields: {}, body: normalizeDoc(markdownToDoc(mutate(m)).doc) } ]; });
for (let k = 0; k < 3; k++) {
  let t = performance.now(); diffSections(secs.map((s) => s[0]!), secs.map((s) => s[1]!)); console.log("diffSections", (performance.now() - t).toFixed(1));
  t = performance.now(); for (const s of secs) diffBodies(s[0]!.body, s[1]!.body); console.log("bodies", (performance.now() - t).toFixed(1));
}
