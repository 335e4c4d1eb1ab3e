import { walk, type PMDoc } from "../editor/schema";

/** The Mermaid sources of these bodies, each once, in reading order; empty ones left out. */
export function diagramSources(bodies: PMDoc[]): string[] {
  const found = new Set<string>();
  for (const body of bodies) {
    walk(body, (node) => {
      const source = node.type === "mermaid" ? String(node.attrs?.source ?? "") : "";
      if (source.trim()) found.add(source);
    });
  }
  return [...found];
}
