import type { PMDoc } from "../editor/schema";
import type { FieldValue } from "../templates/instantiate";
import type { DocumentStatus } from "./inputs";

export interface DocumentSummaryDto {
  id: string;
  title: string;
  status: DocumentStatus;
  template: { id: string; key: string; name: string; version: number };
  owner: { id: string; name: string };
  updatedAt: string;
  deletedAt: string | null;
  /** search hits: a snippet with matches between ⟦ and ⟧ */
  highlight?: string;
}

export interface SectionDto {
  id: string;
  key: string;
  title: string;
  depth: number;
  position: number;
  fields: Record<string, FieldValue>;
  body: PMDoc;
}

export interface DocumentDto extends DocumentSummaryDto {
  workspace: { slug: string; name: string };
  sections: SectionDto[];
}

type SummaryRow = {
  id: string;
  title: string;
  status: DocumentStatus;
  templateVersion: number;
  updatedAt: Date;
  deletedAt: Date | null;
  template: { id: string; key: string; name: string };
  owner: { id: string; name: string };
};

export function presentSummary(d: SummaryRow, highlight?: string): DocumentSummaryDto {
  return {
    id: d.id,
    title: d.title,
    status: d.status,
    template: { id: d.template.id, key: d.template.key, name: d.template.name, version: d.templateVersion },
    owner: { id: d.owner.id, name: d.owner.name },
    updatedAt: d.updatedAt.toISOString(),
    deletedAt: d.deletedAt?.toISOString() ?? null,
    ...(highlight ? { highlight } : {}),
  };
}
