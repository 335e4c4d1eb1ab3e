/**
 * A realistic design document of about `bytes` bytes of UTF-8, for size-limit tests and the
 * import bench: front matter, an H1, then numbered H2 sections with H3 subsections holding
 * prose with links and emphasis, bullet and ordered lists, nested task lists, tables, code
 * and Mermaid fences and block quotes. Deterministic: the same size gives the same text.
 * Padded with a final paragraph so the result is exactly `bytes` long when `exact` is set.
 */
export function bigDesignDoc(bytes: number, options: { exact?: boolean } = {}): string {
  const head = [
    "---",
    "title: Storage platform redesign",
    "status: draft",
    "authors: [Ana Lima, Bo Chen]",
    "created: 2026-01-15",
    "---",
    "",
    "# Storage platform redesign",
    "",
    "Teams write about **latency**, _durability_ and `quota` limits; this document gathers them.",
    "",
  ].join("\n");
  const parts = [head];
  let size = Buffer.byteLength(head);
  for (let n = 1; size < bytes - 4096; n++) {
    const section = sectionText(n);
    parts.push(section);
    size += Buffer.byteLength(section);
  }
  const text = parts.join("");
  if (!options.exact) return text;
  const missing = bytes - Buffer.byteLength(text);
  if (missing < 0) throw new Error(`bigDesignDoc: ${bytes} bytes is too small`);
  const filler = "Closing notes follow. ".repeat(Math.ceil(missing / 22)).slice(0, Math.max(0, missing - 1));
  return `${text}${filler}\n`.slice(0, text.length + missing);
}

function sectionText(n: number): string {
  const service = ["ledger", "catalog", "billing", "search", "notifications", "identity"][n % 6]!;
  return [
    `## ${n}. The ${service} service, part ${n}`,
    "",
    `The ${service} service stores about ${n * 17} million rows and answers [its API](https://example.com/${service}/${n}) within *${n % 90} ms* at p95.`,
    `Writes go through the \`${service}_writer\` queue; reads hit a replica unless the caller asks for **read-your-writes**.`,
    `See also [the runbook](https://wiki.example.com/runbooks/${service}) and RFC-${1000 + n}.`,
    "",
    `### ${n}.1 Requirements`,
    "",
    `- Keep ${service} data for ${n % 7 + 1} years, encrypted at rest`,
    `- Serve ${n * 3} requests per second per shard`,
    "  - with bursts to ten times that for a minute",
    "  - without dropping a write",
    `- Expose metrics under \`/metrics/${service}\``,
    "",
    `1. Migrate the ${service} schema`,
    "2. Backfill the history",
    "3. Switch reads over",
    "",
    "- [x] Design reviewed by the storage team",
    `- [ ] Load test at ${n * 2}x the current peak`,
    "  - [ ] Capture flame graphs",
    "  - [x] Book the test cluster",
    "",
    `### ${n}.2 Data model`,
    "",
    "| Column | Type | Nullable | Notes |",
    "|:-------|:----:|---------:|-------|",
    `| id | uuid | no | primary key of ${service} |`,
    "| created_at | timestamptz | no | set by the database |",
    `| owner_id | uuid | yes | references users(id), part ${n} |`,
    "| payload | jsonb | no | at most 64 KB |",
    "",
    "```sql",
    `CREATE TABLE ${service}_${n} (`,
    "  id uuid PRIMARY KEY,",
    "  created_at timestamptz NOT NULL DEFAULT now(),",
    "  payload jsonb NOT NULL",
    ");",
    "```",
    "",
    "```mermaid",
    "flowchart LR",
    `  client --> api_${n}[${service} API]`,
    `  api_${n} --> db_${n}[(${service} DB)]`,
    "```",
    "",
    `> **Decision ${n}:** we keep one writer per shard, because two writers reordered events in the ${service} pilot.`,
    "",
    `Open question: should ${service} compact nightly or on size? Until then, compaction runs when the log passes ${n % 9 + 1} GB.`,
    "",
  ].join("\n");
}

/**
 * A design document of exactly `bytes` bytes that is quick to parse: numbered sections of
 * long prose paragraphs, a code fence and a small table each (a dense document of 2 MB takes
 * a minute to parse on a busy machine; this one a few seconds).
 */
export function plainDesignDoc(bytes: number): string {
  const head = "# Capacity plan\n\n";
  const parts = [head];
  let size = Buffer.byteLength(head);
  for (let n = 1; size < bytes - 16 * 1024; n++) {
    const prose = `Section ${n} explains how the ${n % 2 ? "read" : "write"} path scales when traffic grows and which limits apply. `.repeat(40);
    const code = `const shard${n} = route(key, ${n});\n`.repeat(60);
    const section = `## ${n}. Scaling step ${n}\n\n${prose}\n\n${prose}\n\n\`\`\`ts\n${code}\`\`\`\n\n| Limit | Value |\n|---|---|\n| shards | ${n} |\n\n`;
    parts.push(section);
    size += Buffer.byteLength(section);
  }
  const text = parts.join("");
  const missing = bytes - Buffer.byteLength(text);
  return `${text}${"Last words of the plan. ".repeat(Math.ceil(missing / 24)).slice(0, missing - 1)}\n`;
}
