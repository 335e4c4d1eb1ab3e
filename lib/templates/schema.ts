import { z } from "zod";

/** Field types a section's form can hold. */
export const FIELD_TYPES = ["text", "longText", "select", "multiSelect", "date", "person", "people", "url", "version"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const Key = z.string().regex(/^[a-z][a-z0-9_]*$/, "keys are snake_case: letters, digits and _").max(60);

export const FieldDef = z
  .object({
    key: Key,
    label: z.string().min(1).max(80),
    type: z.enum(FIELD_TYPES),
    /** shown under the field, greyed */
    hint: z.string().max(500).optional(),
    required: z.boolean().default(false),
    /** choices for select and multiSelect */
    options: z.array(z.string().min(1).max(80)).max(50).optional(),
    /** for select fields: guidance shown for the chosen option (e.g. per quality level) */
    guidance: z.record(z.string(), z.string().max(2000)).optional(),
    /** a fixed value, or one filled in when a document is created */
    default: z.union([z.string(), z.array(z.string()), z.object({ from: z.enum(["creator", "today"]) })]).optional(),
  })
  .superRefine((f, ctx) => {
    const needsOptions = f.type === "select" || f.type === "multiSelect";
    if (needsOptions && !f.options?.length) ctx.addIssue({ code: "custom", message: `${f.key}: a ${f.type} field needs options` });
    if (!needsOptions && f.options) ctx.addIssue({ code: "custom", message: `${f.key}: only select fields have options` });
    for (const option of Object.keys(f.guidance ?? {})) {
      if (!f.options?.includes(option)) ctx.addIssue({ code: "custom", message: `${f.key}: guidance for unknown option ${option}` });
    }
  });
export type FieldDef = z.infer<typeof FieldDef>;

export const SectionDef = z.object({
  key: Key,
  title: z.string().min(1).max(200),
  /** 1 = top-level section (an H2 in Markdown), 2 = subsection, … up to 5 */
  depth: z.number().int().min(1).max(5),
  /** what belongs here, in our words; shown greyed above the body */
  hint: z.string().max(2000).default(""),
  /** optional sections are offered in the editor ("add section"), not created with the document */
  optional: z.boolean().default(false),
  fields: z.array(FieldDef).max(30).default([]),
  /**
   * Starter body as GitHub-flavoured Markdown: tables, task lists, ```mermaid fences, code.
   * `[Placeholder]` and `{placeholder}` become greyed hints in the editor.
   */
  starter: z.string().max(20_000).default(""),
  /** the document's sign-off section: shows the real decisions (who, role, decision, date, version) live */
  signoff: z.boolean().default(false),
});
export type SectionDef = z.infer<typeof SectionDef>;

export const SignoffRoleDef = z.object({
  key: Key,
  name: z.string().min(1).max(80),
  /** section keys this role's approval covers; empty = the whole document */
  scope: z.array(Key).default([]),
  /**
   * Whether submitting for review waits until someone is assigned to this role. Off by
   * default, so templates and documents stored before this setting keep submitting as they
   * did; a role without a reviewer is then shown as a warning only.
   */
  blocksWithoutReviewer: z.boolean().default(false),
});
export type SignoffRoleDef = z.infer<typeof SignoffRoleDef>;

export const TemplateDefinition = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/).max(60),
    name: z.string().min(1).max(120),
    description: z.string().max(1000),
    /** the document title a new document starts with; may hold a placeholder */
    titlePattern: z.string().max(200).default("Untitled design"),
    /** what its documents are numbered with (ADR for ADR-0007); absent: made from the name (lib/documents/numbering.ts) */
    numberPrefix: z.string().regex(/^[A-Z][A-Z0-9]{0,9}$/, "a prefix is capital letters and digits, starting with a letter").optional(),
    sections: z.array(SectionDef).min(1).max(200),
    signoffRoles: z.array(SignoffRoleDef).max(20).default([]),
  })
  .superRefine((t, ctx) => {
    const keys = new Set<string>();
    t.sections.forEach((s, i) => {
      if (keys.has(s.key)) ctx.addIssue({ code: "custom", path: ["sections", i, "key"], message: `duplicate section key ${s.key}` });
      keys.add(s.key);
      const fieldKeys = new Set<string>();
      for (const f of s.fields) {
        if (fieldKeys.has(f.key)) ctx.addIssue({ code: "custom", path: ["sections", i], message: `duplicate field key ${f.key} in ${s.key}` });
        fieldKeys.add(f.key);
      }
      const prev = t.sections[i - 1];
      if (s.depth > (prev ? prev.depth + 1 : 1)) ctx.addIssue({ code: "custom", path: ["sections", i, "depth"], message: `${s.key} skips a level` });
    });
    t.signoffRoles.forEach((r, i) => {
      for (const key of r.scope) {
        if (!keys.has(key)) ctx.addIssue({ code: "custom", path: ["signoffRoles", i, "scope"], message: `unknown section ${key}` });
      }
    });
  });
export type TemplateDefinition = z.infer<typeof TemplateDefinition>;
/** What authors write: defaults may be left out. */
export type TemplateSource = z.input<typeof TemplateDefinition>;
