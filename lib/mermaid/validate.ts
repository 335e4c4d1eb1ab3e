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

/**
 * Loads Mermaid's parser now, in the background (about 1.5 s on a quiet machine, most of it
 * off the event loop's critical path), so the first submit-gate check of a document with a
 * diagram does not wait for it. The module stays in Node's cache for every later import.
 */
export function warmMermaidParser(): void {
  loading ??= loadParser();
  loading.catch(() => {
    loading = undefined; // tried again by the first check, which reports the failure
  });
}

/** How many sources' answers are remembered: the submit gate is checked again and again while a document is written. */
const REMEMBERED = 1000;
const answers = new Map<string, string | null>();

/** What is wrong with `source`, in plain words at its line (explainMermaidError), or null when it parses. */
export async function mermaidError(source: string): Promise<string | null> {
  if (!source.trim()) return "The diagram is empty.";
  const known = answers.get(source);
  if (known !== undefined) return known;
  loading ??= loadParser();
  const mermaid = await loading;
  let answer: string | null = null;
  try {
    await mermaid.parse(source);
  } catch (error) {
    answer = explainMermaidError(source, error);
  }
  // the oldest answer makes room (a Map keeps insertion order)
  if (answers.size >= REMEMBERED) answers.delete(answers.keys().next().value!);
  answers.set(source, answer);
  return answer;
}
