import type { SignoffRoleDef, TemplateDefinition } from "./schema";

export interface TemplateCardDto {
  id: string;
  key: string;
  name: string;
  description: string;
  version: number;
  builtin: boolean;
  /** what a new document's title box starts with */
  titlePattern: string;
  sectionCount: number;
  signoffRoles: SignoffRoleDef[];
  outline: { title: string; depth: number; optional: boolean }[];
}

export interface TemplateDto extends TemplateCardDto {
  definition: TemplateDefinition;
}

export function presentTemplate(t: { id: string; key: string; name: string; description: string; version: number; builtin: boolean }, def: TemplateDefinition): TemplateDto {
  return {
    id: t.id,
    key: t.key,
    name: t.name,
    description: t.description,
    version: t.version,
    builtin: t.builtin,
    titlePattern: def.titlePattern,
    sectionCount: def.sections.filter((s) => !s.optional).length,
    signoffRoles: def.signoffRoles,
    outline: def.sections.map((s) => ({ title: s.title, depth: s.depth, optional: s.optional })),
    definition: def,
  };
}

export function presentTemplateCard(t: TemplateDto): TemplateCardDto {
  const { definition: _definition, ...card } = t;
  return card;
}
