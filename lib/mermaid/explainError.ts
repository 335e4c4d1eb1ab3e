import { sourceLine } from "./sourceLines";

/** What Mermaid's generated (jison) parsers attach to the error they throw. */
interface ParserHash {
  text?: string;
  token?: string | number;
  loc?: { first_line?: number };
  expected?: string[];
}

const END = new Set(["EOF", "1", "NEWLINE", "NL", "EOL", "SEMI"]);

/** Parser token names in words people write; tokens not listed are left out of the hint. */
const WORDS: Record<string, string> = {
  SEMI: '";"',
  AMP: '"&"',
  COLON: '":"',
  PIPE: '"|"',
  COMMA: '","',
  START_LINK: "an arrow such as -->",
  LINK: "an arrow such as -->",
  ARROW: "an arrow such as ->>",
  SOLID_ARROW: "an arrow such as ->>",
  NODE_STRING: "a name",
  ID: "a name",
  ACTOR: "a name",
  ENTITY_NAME: "a name",
  ALPHA: "a name",
  EDGE_STATE: "a state name",
  UNICODE_TEXT: "text",
  TEXT: "text",
  TXT: "text",
  TESTSTR: "text",
  STR: "text",
  NUM: "a number",
  DECIMAL_NUM: "a number",
  SQE: '"]"',
  PE: '")"',
  DIAMOND_STOP: '"}"',
  STADIUMEND: '"])"',
  SUBROUTINEEND: '"]]"',
  CYLINDEREND: '")]"',
  DOUBLECIRCLEEND: '")))"',
  ENTITY_ONE: "a relationship such as ||--o{",
  IDENTIFYING: "a relationship such as ||--o{",
  NON_IDENTIFYING: "a relationship such as ||..o{",
  taskData: "the task's details after a colon",
  NEWLINE: "a new line",
  NL: "a new line",
};

const CLOSERS = new Set(["SQE", "PE", "DIAMOND_STOP", "STADIUMEND", "SUBROUTINEEND", "CYLINDEREND", "DOUBLECIRCLEEND", "TAGEND", "TRAPEND", "INVTRAPEND"]);

const CLOSING: Record<string, string> = { "[": "]", "(": ")", "{": "}" };

/** The last bracket `line` opens and never closes (text in quotes is skipped), if any. */
function unclosedBracket(line: string): string | null {
  const open: string[] = [];
  for (const c of line.replace(/"[^"]*"/g, "")) {
    if (c in CLOSING) open.push(c);
    else if (Object.values(CLOSING).includes(c) && CLOSING[open.at(-1) ?? ""] === c) open.pop();
  }
  return open.at(-1) ?? null;
}

const DIAGRAM_TYPES = "flowchart, sequenceDiagram, classDiagram, stateDiagram-v2, erDiagram, gantt or pie";

const tokenName = (quoted: string) => quoted.replace(/^'|'$/g, "");

function expectedWords(names: string[]): string {
  // what a diagram is made of first (arrows, names, text), punctuation and line ends last
  const rank = (word: string) => ["an arrow", "a name", "a state", "a relationship", "text", "a number", "the task", '"'].findIndex((start) => word.startsWith(start)) >>> 0;
  const words = [...new Set(names.map((n) => WORDS[n] ?? (/^[^A-Za-z]+$/.test(n) ? `"${n}"` : "")).filter(Boolean))].sort((a, b) => rank(a) - rank(b)).slice(0, 4);
  if (!words.length) return "";
  return ` It expected ${words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words.at(-1)}` : words[0]}.`;
}

function quote(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed;
}

/**
 * Mermaid's error for `source` in plain words, with the line of the source it is about
 * (Mermaid's own line numbers count a cleaned copy, without comments and front matter):
 * "Line 4 (B -> C): "-" is not expected here. It expected an arrow such as -->, ";" or a new line."
 * Pure; throws nothing.
 */
export function explainMermaidError(source: string, error: unknown): string {
  const message = String(error instanceof Error ? error.message : typeof error === "object" && error && "message" in error ? (error as { message: unknown }).message : error);
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const firstFilled = lines.findIndex((l) => l.trim() && !l.trim().startsWith("%%"));
  if (/No diagram type detected/i.test(message)) {
    const word = lines[firstFilled]?.trim().split(/\s+/)[0] ?? "";
    return word ? `Line ${firstFilled + 1}: "${quote(word)}" is not a kind of diagram Mermaid knows. Start with ${DIAGRAM_TYPES}.` : "The diagram is empty.";
  }
  const hash = (typeof error === "object" && error && "hash" in error ? (error as { hash: unknown }).hash : undefined) as ParserHash | undefined;
  const parsedLine = hash?.loc?.first_line ?? Number(/line (\d+)/i.exec(message)?.[1] ?? NaN);
  if (!Number.isFinite(parsedLine)) return `Mermaid could not read this diagram: ${quote(message.split("\n")[0] ?? "")}`;
  const line = sourceLine(source, parsedLine);
  const where = `Line ${line}${lines[line - 1]?.trim() ? ` (${quote(lines[line - 1]!)})` : ""}`;

  const expecting = /Expecting (.*?)(?:, got|$)/m.exec(message)?.[1] ?? "";
  const expected = hash?.expected?.map(tokenName) ?? [...expecting.matchAll(/(?:token of type )?'([^']+)'/g)].map((m) => m[1]!);
  const got = hash ? String(hash.token ?? "") : (/got '([^']+)'/.exec(message)?.[1] ?? "");
  const found = hash?.text?.trim() || /but found `([^`]*)`/.exec(message)?.[1] || (END.has(got) ? "" : got);
  if (/Lexical error|Unrecognized text/i.test(message)) return `${where}: Mermaid cannot read the text here; check for a stray character or a missing quote.`;
  if (!found && !got) return `${where}: Mermaid cannot read this line.${expectedWords(expected)}`;
  if ((!found && END.has(got)) || got === "EOF" || got === "1") {
    if (expected.some((e) => CLOSERS.has(e))) {
      const open = unclosedBracket(lines[line - 1] ?? "");
      return `${where}: ${open ? `the "${open}" opened on this line is not closed; add "${CLOSING[open]}"` : "a bracket opened on this line is not closed"}.`;
    }
    return `${where}: this line is not finished.${expectedWords(expected.filter((e) => !END.has(e)))}`;
  }
  return `${where}: "${quote(found || got)}" is not expected here.${expectedWords(expected)}`;
}
