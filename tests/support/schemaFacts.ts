import type { MarkType, NodeType, Schema } from "prosemirror-model";

/** What a schema says, as flat facts: "node heading.content" → "inline*". */
export type SchemaFacts = Record<string, unknown>;

const names = (types: readonly (NodeType | MarkType)[] | null | undefined): string[] | null => (types ? types.map((t) => t.name) : null);

function attrFacts(prefix: string, attrs: Record<string, { default?: unknown; hasDefault?: boolean }>, out: SchemaFacts): void {
  out[`${prefix}.attrs`] = Object.keys(attrs);
  for (const [name, attr] of Object.entries(attrs)) out[`${prefix}.attrs.${name}.default`] = attr.hasDefault === false ? "(required)" : attr.default;
}

/** What a schema says about every node and mark, as flat "node heading.content" → value facts. */
export function schemaFacts(schema: Schema): SchemaFacts {
  const out: SchemaFacts = { nodes: Object.keys(schema.nodes).sort(), marks: Object.keys(schema.marks), topNode: schema.topNodeType.name };
  for (const type of Object.values(schema.nodes)) {
    const p = `node ${type.name}`;
    const { spec } = type;
    out[`${p}.content`] = spec.content ?? "";
    out[`${p}.group`] = spec.group ?? "";
    out[`${p}.marksAllowed`] = type.markSet ? names(type.markSet) : "all";
    out[`${p}.defaultChild`] = type.contentMatch.defaultType?.name ?? null;
    for (const flag of ["isInline", "isAtom", "isLeaf", "isTextblock", "isBlock"] as const) out[`${p}.${flag}`] = type[flag];
    for (const key of ["selectable", "draggable", "code", "defining", "isolating", "whitespace", "tableRole", "linebreakReplacement"] as const) out[`${p}.${key}`] = spec[key] ?? null;
    out[`${p}.leafText`] = spec.leafText ? spec.leafText(type.createAndFill()!) : null;
    attrFacts(p, type.spec.attrs ?? {}, out);
  }
  for (const type of Object.values(schema.marks)) {
    const p = `mark ${type.name}`;
    out[`${p}.inclusive`] = type.spec.inclusive ?? true;
    out[`${p}.excludes`] = Object.values(schema.marks)
      .filter((other) => other !== type && type.excludes(other))
      .map((other) => other.name);
    out[`${p}.spanning`] = type.spec.spanning ?? true;
    out[`${p}.code`] = type.spec.code ?? false;
    attrFacts(p, type.spec.attrs ?? {}, out);
  }
  return out;
}

/** Every fact that differs, as readable lines. */
export function factDiff(before: SchemaFacts, after: SchemaFacts): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const show = (value: unknown) => (value === undefined ? "(missing)" : JSON.stringify(value));
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`);
}


/** The facts without those about the named nodes (nodes added since the facts were recorded). */
export function withoutNodes(facts: SchemaFacts, names: string[]): SchemaFacts {
  const out: SchemaFacts = {};
  for (const [key, value] of Object.entries(facts)) {
    if (names.some((name) => key.startsWith(`node ${name}.`))) continue;
    out[key] = key === "nodes" && Array.isArray(value) ? value.filter((n) => !names.includes(n as string)) : value;
  }
  return out;
}

/** The facts without those about the named marks (marks added since the facts were recorded), nor their mentions by other nodes and marks. */
export function withoutMarks(facts: SchemaFacts, names: string[]): SchemaFacts {
  const out: SchemaFacts = {};
  for (const [key, value] of Object.entries(facts)) {
    if (names.some((name) => key.startsWith(`mark ${name}.`))) continue;
    const mentions = key === "marks" || key.endsWith(".excludes") || key.endsWith(".marksAllowed");
    out[key] = mentions && Array.isArray(value) ? value.filter((n) => !names.includes(n as string)) : value;
  }
  return out;
}
