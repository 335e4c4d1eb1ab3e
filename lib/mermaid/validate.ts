/**
 * Checks Mermaid diagram sources on the server with Mermaid's own parser, so a diagram
 * that would not draw in the browser cannot slip past the submit gate.
 *
 * Mermaid is large: it is imported on the first check only. Nothing is rendered here, so
 * DOMPurify (which has no DOM to work with in Node and then exposes no methods) gets
 * no-op hooks and an identity `sanitize`: a few diagram parsers call them on labels.
 */

interface MermaidParser {
  initialize(config: Record<string, unknown>): void;
  parse(text: string): Promise<unknown>;
}

let loading: Promise<MermaidParser> | undefined;

async function loadParser(): Promise<MermaidParser> {
  const purify = (await import("dompurify")).default as unknown as Record<string, unknown>;
  if (typeof purify.addHook !== "function") {
    const noop = () => {};
    Object.assign(purify, { addHook: noop, removeHook: noop, removeHooks: noop, removeAllHooks: noop, setConfig: noop, clearConfig: noop, sanitize: (text: unknown) => String(text) });
  }
  const mermaid = (await import("mermaid")).default as unknown as MermaidParser;
  mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
  return mermaid;
}

/** "Parse error on line 3: … Expecting 'X', got 'EOF'" → one readable line. */
function summarise(error: unknown): string {
  const lines = String(error instanceof Error ? error.message : error)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const where = lines.find((l) => /line \d+/i.test(l));
  const expecting = lines.find((l) => /^Expecting|^Unrecognized|^Lexical error/i.test(l));
  const text = [where ?? lines[0], expecting].filter((l, i, all) => l && all.indexOf(l) === i).join(" ");
  return (text || "Mermaid could not read this diagram.").replace(/:$/, "").slice(0, 300);
}

/** Mermaid's message when `source` does not parse, or null when it does. */
export async function mermaidError(source: string): Promise<string | null> {
  if (!source.trim()) return "The diagram is empty.";
  loading ??= loadParser();
  const mermaid = await loading;
  try {
    await mermaid.parse(source);
    return null;
  } catch (error) {
    return summarise(error);
  }
}
