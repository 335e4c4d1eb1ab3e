/**
 * Checks Mermaid diagram sources on the server with Mermaid's own parser, so a diagram
 * that would not draw in the browser cannot slip past the submit gate.
 *
 * Mermaid is large: it is imported on the first check only. Nothing is rendered here, so
 * DOMPurify (which has no DOM to work with in Node and then exposes no methods) gets
 * no-op hooks and an identity `sanitize`: a few diagram parsers call them on labels.
 */

import { explainMermaidError } from "./explainError";

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

/** What is wrong with `source`, in plain words at its line (explainMermaidError), or null when it parses. */
export async function mermaidError(source: string): Promise<string | null> {
  if (!source.trim()) return "The diagram is empty.";
  loading ??= loadParser();
  const mermaid = await loading;
  try {
    await mermaid.parse(source);
    return null;
  } catch (error) {
    return explainMermaidError(source, error);
  }
}
