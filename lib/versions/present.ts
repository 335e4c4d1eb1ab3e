import type { DbTx } from "../db";
import type { HashableSection } from "../documents/contentHash";
import type { FieldNames } from "../documents/fieldWords";
import { describeSummary, type VersionDiff, type VersionSummary } from "./diff";
import type { VersionKind } from "./snapshot";

export interface VersionDto {
  number: number;
  label: string;
  kind: VersionKind;
  createdAt: string;
  authors: { id: string; name: string }[];
  createdBy: { id: string; name: string } | null;
  summary: VersionSummary;
  /** "3 sections changed, 1 added" */
  summaryText: string;
  contentHash: string;
}

export interface VersionDetailDto extends VersionDto {
  sections: HashableSection[];
  /** field labels and the names of the people in person fields */
  names: FieldNames;
}

export interface DiffDto extends VersionDiff {
  from: number | "current";
  to: number | "current";
  summaryText: string;
  /** field labels and the names of the people in person fields, on either side */
  names: FieldNames;
}

type VersionRow = {
  number: number;
  label: string;
  kind: VersionKind;
  createdAt: Date;
  authorIds: string[];
  createdById: string | null;
  summary: unknown;
  contentHash: string;
};

/** Versions as the API and pages show them, with author names. */
export async function presentVersions(db: DbTx, rows: VersionRow[]): Promise<VersionDto[]> {
  const ids = [...new Set(rows.flatMap((r) => [...r.authorIds, ...(r.createdById ? [r.createdById] : [])]))];
  const names = new Map((await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const person = (id: string) => ({ id, name: names.get(id) ?? "Someone" });
  return rows.map((r) => {
    const summary = { changed: 0, added: 0, removed: 0, moved: 0, ...(r.summary as Partial<VersionSummary>) };
    return {
      number: r.number,
      label: r.label,
      kind: r.kind,
      createdAt: r.createdAt.toISOString(),
      authors: r.authorIds.map(person),
      createdBy: r.createdById ? person(r.createdById) : null,
      summary,
      summaryText: r.number === 1 ? "first version" : describeSummary(summary) || "no content changes",
      contentHash: r.contentHash,
    };
  });
}
