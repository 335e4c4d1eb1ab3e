import type { PMDoc } from "../editor/schema";
import type { FieldValue } from "../templates/instantiate";
import type { DocumentStatus } from "./inputs";
import { formatNumber } from "./numbering";

export interface DocumentSummaryDto {
  id: string;
  /** its decision number, e.g. ADR-0007 (null only for a document not yet numbered) */
  number: string | null;
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
  workspace: { id: string; slug: string; name: string };
  /** why the status last changed, as given (withdrawn, rejected, deprecated, superseded…) */
  statusReason: string | null;
  /** the document that replaced this one, when it is Superseded */
  supersededById: string | null;
  sections: SectionDto[];
}

type SummaryRow = {
  id: string;
  numberPrefix: string | null;
  number: number | null;
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
    number: formatNumber(d.numberPrefix, d.number),
    title: d.title,
    status: d.status,
    template: { id: d.template.id, key: d.template.key, name: d.template.name, version: d.templateVersion },
    owner: { id: d.owner.id, name: d.owner.name },
    updatedAt: d.updatedAt.toISOString(),
    deletedAt: d.deletedAt?.toISOString() ?? null,
    ...(highlight ? { highlight } : {}),
  };
}
