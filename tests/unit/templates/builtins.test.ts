import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { repairMojibake } from "@/lib/markdown/mojibake";
import type { PMNode } from "@/lib/editor/schema";
import { BUILTIN_TEMPLATES } from "@/lib/templates/builtins";
import { instantiateTemplate } from "@/lib/templates/instantiate";
import { TemplateDefinition } from "@/lib/templates/schema";

/**
 * The seeds are what users write today; each built-in template must reproduce one seed's
 * structure. Both sides are reduced to the same `Structure` and compared, so the template side
 * can later be read from a created document's rich text instead of the starter Markdown.
 */

const MERMAID_TYPES = new Set([
  "graph", "flowchart", "sequenceDiagram", "classDiagram", "stateDiagram", "stateDiagram-v2", "erDiagram",
  "journey", "gantt", "pie", "quadrantChart", "requirementDiagram", "gitGraph", "C4Context", "mindmap",
  "timeline", "sankey-beta", "xychart-beta", "block-beta", "packet-beta", "architecture-beta", "kanban",
]);

/** A plain code block drawn with arrows is a diagram in ASCII art. */
const ASCII_ARROW = /->|→|←|↓|▶|▼/;

interface Structure {
  /** the H1, if any */
  title: string | null;
  /** headings of depth >= 2 in order, repeated ones included; depth as in Markdown (H2 = 2) */
  headings: { title: string; depth: number }[];
  /** per heading (merged over repeats): header cells of each table */
  tables: Map<string, string[][]>;
  /** per heading: the diagram type (first word) of each ```mermaid fence */
  mermaid: Map<string, string[]>;
  /** headings with a plain code block that draws arrows */
  asciiDiagrams: Set<string>;
  /** text of every task-list item, after the checkbox */
  tasks: string[];
}

function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** Visible text of a node: emphasis and code ticks dropped. */
function textOf(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  if (!("children" in node)) return "";
  let text = "";
  for (const child of node.children) text += textOf(child);
  return text;
}

const collapse = (text: string): string => text.replace(/\s+/g, " ").trim();

/** A heading as a section title: emoji and symbols dropped, whitespace collapsed, case kept. */
function normaliseHeading(text: string): string {
  return collapse(text.replace(/[\p{Extended_Pictographic}\p{So}\p{Emoji_Modifier}\u200d\ufe0e\ufe0f\u20e3]/gu, ""));
}

function emptyStructure(): Structure {
  return { title: null, headings: [], tables: new Map(), mermaid: new Map(), asciiDiagrams: new Set(), tasks: [] };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}

/** Adds the tables, diagrams and task items inside `node` to `into`, filed under `heading`. */
function collectBlocks(node: Nodes, heading: string, into: Structure): void {
  if (node.type === "table") {
    const header = node.children[0];
    if (header) push(into.tables, heading, header.children.map((cell) => collapse(textOf(cell))));
  } else if (node.type === "code") {
    if (node.lang === "mermaid") push(into.mermaid, heading, node.value.trim().split(/\s+/)[0] ?? "");
    else if (!node.lang && ASCII_ARROW.test(node.value)) into.asciiDiagrams.add(heading);
  } else if (node.type === "listItem" && typeof node.checked === "boolean") {
    const first = node.children[0];
    if (first) into.tasks.push(collapse(textOf(first)));
  }
  if ("children" in node) for (const child of node.children) collectBlocks(child, heading, into);
}

function structureOfMarkdown(markdown: string): Structure {
  const structure = emptyStructure();
  let heading = "";
  for (const node of parse(markdown).children) {
    if (node.type === "heading") {
      const title = normaliseHeading(textOf(node));
      if (node.depth === 1) structure.title ??= title;
      else {
        structure.headings.push({ title, depth: node.depth });
        heading = title;
      }
      continue;
    }
    collectBlocks(node, heading, structure);
  }
  return structure;
}

/** Visible text of a rich-text node: placeholders by their label, marks dropped. */
function docText(node: PMNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "placeholder") return String(node.attrs?.label ?? "");
  if (node.type === "hardBreak") return " ";
  return (node.content ?? []).map(docText).join("");
}

/** Adds the tables, diagrams and task items of a rich-text body to `into`, filed under `heading`. */
function collectDocBlocks(node: PMNode, heading: string, into: Structure): void {
  if (node.type === "table") {
    const header = node.content?.[0];
    if (header) push(into.tables, heading, (header.content ?? []).map((cell) => collapse(docText(cell))));
  } else if (node.type === "mermaid") {
    push(into.mermaid, heading, String(node.attrs?.source ?? "").trim().split(/\s+/)[0] ?? "");
  } else if (node.type === "taskItem") {
    const first = node.content?.[0];
    if (first) into.tasks.push(collapse(docText(first)));
  }
  for (const child of node.content ?? []) collectDocBlocks(child, heading, into);
}

/** The structure of a document created from the template: its sections and their rich-text bodies. */
function structureOfTemplate(def: TemplateDefinition): Structure {
  const structure = emptyStructure();
  structure.title = def.titlePattern;
  for (const section of instantiateTemplate(def, { creatorId: "creator", today: "2026-01-01" })) {
    structure.headings.push({ title: section.title, depth: section.depth + 1 });
    collectDocBlocks(section.body, section.title, structure);
  }
  return structure;
}

function seedsDir(): string {
  const beside = path.resolve(process.cwd(), "../shared/seeds");
  return existsSync(beside) ? beside : "/work/shared/seeds";
}

const seedFiles = readdirSync(seedsDir()).filter((f) => f.endsWith(".txt")).sort();

const sameCells = (a: string[], b: string[]): boolean => a.length === b.length && a.every((cell, i) => cell === b[i]);

/** The section's key and the keys of the sections nested under it. */
function subtreeKeys(def: TemplateDefinition, key: string): string[] {
  const start = def.sections.findIndex((s) => s.key === key);
  const root = def.sections[start];
  if (!root) return [];
  const keys = [root.key];
  for (const s of def.sections.slice(start + 1)) {
    if (s.depth <= root.depth) break;
    keys.push(s.key);
  }
  return keys;
}

describe("built-in templates", () => {
  it("has one template per seed, in seed order", () => {
    expect(seedFiles).toHaveLength(5);
    expect(BUILTIN_TEMPLATES).toHaveLength(seedFiles.length);
    expect(new Set(BUILTIN_TEMPLATES.map((t) => t.key)).size).toBe(BUILTIN_TEMPLATES.length);
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.key, t] as const))("keeps %s valid under the template schema", (_key, def) => {
    expect(TemplateDefinition.parse(def)).toEqual(def);
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.key, t] as const))("starts every Mermaid diagram in %s with a known diagram type", (_key, def) => {
    const unknown = [...structureOfTemplate(def).mermaid].flatMap(([title, types]) =>
      types.filter((type) => !MERMAID_TYPES.has(type)).map((type) => `${title}: ${type}`),
    );
    expect(unknown).toEqual([]);
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.key, t] as const))("scopes any Security Review of %s to security sections", (_key, def) => {
    const role = def.signoffRoles.find((r) => r.name === "Security Review");
    if (!role) return;
    const securityKeys = new Set(def.sections.filter((s) => /security/i.test(s.title)).flatMap((s) => subtreeKeys(def, s.key)));
    expect(role.scope.length).toBeGreaterThan(0);
    expect(role.scope.filter((key) => !securityKeys.has(key))).toEqual([]);
  });
});

describe.each(seedFiles.map((file, i) => [file, i] as const))("the template for seed %s", (file, index) => {
  const seed = structureOfMarkdown(repairMojibake(readFileSync(path.join(seedsDir(), file), "utf8")));
  const def = BUILTIN_TEMPLATES[index];
  if (!def) throw new Error(`no built-in template for seed ${file}`);
  const template = structureOfTemplate(def);
  const sectionOf = new Map(def.sections.map((s) => [s.title, s]));

  /** first occurrence of each seed heading: repeats merge into that section */
  const firstDepth = new Map<string, number>();
  for (const h of seed.headings) if (!firstDepth.has(h.title)) firstDepth.set(h.title, h.depth);

  it("takes its title pattern from the seed's H1", () => {
    expect(def.titlePattern).toBe(seed.title);
  });

  it("has a required section for every seed heading, at the seed's depth", () => {
    const problems: string[] = [];
    for (const [title, depth] of firstDepth) {
      const section = sectionOf.get(title);
      if (!section) problems.push(`missing section for seed heading "${title}"`);
      else if (section.depth !== depth - 1) problems.push(`"${title}" has depth ${section.depth}, the seed's H${depth} needs ${depth - 1}`);
      else if (section.optional) problems.push(`"${title}" is optional`);
    }
    expect(problems).toEqual([]);
  });

  it("repeats every seed table's header row in the same section", () => {
    const problems: string[] = [];
    for (const [heading, headers] of seed.tables) {
      const mine = template.tables.get(heading) ?? [];
      for (const header of headers) {
        if (!mine.some((cells) => sameCells(cells, header))) problems.push(`seed heading "${heading}" lacks table | ${header.join(" | ")} |`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has at least as many Mermaid diagrams as the seed under each heading", () => {
    const problems: string[] = [];
    for (const [heading, types] of seed.mermaid) {
      const mine = template.mermaid.get(heading) ?? [];
      if (mine.length < types.length) problems.push(`seed heading "${heading}" has ${types.length} Mermaid diagram(s), the template ${mine.length}`);
    }
    expect(problems).toEqual([]);
  });

  it("turns each ASCII-art diagram into a Mermaid diagram in the same section", () => {
    const problems = [...seed.asciiDiagrams]
      .filter((heading) => !(template.mermaid.get(heading)?.length))
      .map((heading) => `seed heading "${heading}" draws a diagram in plain text but its section has no Mermaid diagram`);
    expect(problems).toEqual([]);
  });

  it("keeps every checklist item of the seed as a task item", () => {
    const mine = new Set(template.tasks);
    expect(seed.tasks.filter((task) => !mine.has(task)).map((task) => `missing task item "${task}"`)).toEqual([]);
  });

  it("turns each named approver in the seed into a sign-off role", () => {
    const approvers = seed.tasks.flatMap((task) => {
      const match = /^(.+?)(?::| -) \[(?:Reviewer )?Name\]/.exec(task);
      return match?.[1] ? [match[1].replace(/ Approval$/, "")] : [];
    });
    const roles = new Set(def.signoffRoles.map((r) => r.name));
    expect(approvers.filter((name) => !roles.has(name)).map((name) => `missing sign-off role "${name}"`)).toEqual([]);
  });
});

describe("the Modern Development Workflow template", () => {
  it("draws the CI/CD pipeline as a Mermaid flowchart", () => {
    const def = BUILTIN_TEMPLATES[0];
    if (!def) throw new Error("no template for seed 000");
    const types = [...structureOfTemplate(def).mermaid.values()].flat();
    expect(types.some((type) => type === "flowchart" || type === "graph")).toBe(true);
  });
});
