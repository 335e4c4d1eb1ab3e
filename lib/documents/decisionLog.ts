import { z } from "zod";
import { authorize } from "../access/policy";
import type { Ctx } from "../context";
import { loadMembership } from "../workspaces/loadMembership";
import { documentFilters } from "./documentFilters";
import { ListDocumentsInput } from "./inputs";
import { formatNumber } from "./numbering";
import { STATUS_LABELS, type DocumentStatus } from "./status";

/** The decision log's filters: those of the document list, without search, trash or pages. */
export const DecisionLogInput = ListDocumentsInput.pick({ slug: true, status: true, template: true, owner: true, reviewer: true, field: true, value: true });
export type DecisionLogInput = z.input<typeof DecisionLogInput>;

/** A log that long is a workspace to filter first: the page says how many were left out. */
const MAX_ENTRIES = 1000;

interface Ref {
  id: string;
  number: string | null;
  title: string;
}

export interface DecisionLogEntry extends Ref {
  status: DocumentStatus;
  statusReason: string | null;
  template: string;
  owner: string;
  /** reviewers whose approval is current, with the role they signed for */
  approvers: { name: string; role: string }[];
  /** ISO date (yyyy-mm-dd) the document became Approved or Rejected */
  decided: string | null;
  supersededBy: Ref | null;
  supersedes: Ref[];
}

export interface DecisionLog {
  workspace: { name: string };
  entries: DecisionLogEntry[];
  /** documents matching the filters that the log left out (over MAX_ENTRIES) */
  more: number;
}

/**
 * Every live document of the workspace, in number order: number, title, status (and why),
 * owner, current approvers, when it was decided, and what superseded what. Filters as the
 * document list (an unknown one throws InvalidInput). Requires `document.view`.
 */
export async function decisionLog(ctx: Ctx, raw: DecisionLogInput): Promise<DecisionLog> {
  const input = DecisionLogInput.parse(raw);
  const { workspace, membership } = await loadMembership(ctx, input.slug);
  authorize(membership, "document.view");
  const where = { workspaceId: workspace.id, deletedAt: null, ...(input.status ? { status: input.status } : {}), AND: await documentFilters(ctx, workspace.id, input) };
  const [rows, total] = await Promise.all([
    ctx.db.document.findMany({
      where,
      select: {
        id: true,
        numberPrefix: true,
        number: true,
        title: true,
        status: true,
        statusReason: true,
        decidedAt: true,
        supersededById: true,
        template: { select: { name: true } },
        owner: { select: { name: true } },
        approvals: { where: { decision: "approved", stale: false }, select: { roleKey: true, reviewer: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
      },
      orderBy: [{ numberPrefix: "asc" }, { number: "asc" }, { createdAt: "asc" }],
      take: MAX_ENTRIES,
    }),
    ctx.db.document.count({ where }),
  ]);
  // successors and predecessors are named even when the filters leave them out of the log
  const ids = rows.map((r) => r.id);
  const related = await ctx.db.document.findMany({
    where: { workspaceId: workspace.id, deletedAt: null, OR: [{ id: { in: rows.flatMap((r) => (r.supersededById ? [r.supersededById] : [])) } }, { supersededById: { in: ids } }] },
    select: { id: true, numberPrefix: true, number: true, title: true, supersededById: true },
  });
  const ref = (r: { id: string; numberPrefix: string | null; number: number | null; title: string }): Ref => ({ id: r.id, number: formatNumber(r.numberPrefix, r.number), title: r.title });
  const byId = new Map(related.map((r) => [r.id, r]));
  const predecessorsOf = new Map<string, typeof related>();
  for (const r of related) if (r.supersededById) predecessorsOf.set(r.supersededById, [...(predecessorsOf.get(r.supersededById) ?? []), r]);
  const entries = rows.map((r) => {
    const successor = r.supersededById ? byId.get(r.supersededById) : undefined;
    return {
      ...ref(r),
      status: r.status,
      statusReason: r.statusReason,
      template: r.template.name,
      owner: r.owner.name,
      approvers: r.approvals.map((a) => ({ name: a.reviewer.name, role: a.roleKey })),
      decided: r.decidedAt?.toISOString().slice(0, 10) ?? null,
      supersededBy: successor ? ref(successor) : null,
      supersedes: (predecessorsOf.get(r.id) ?? []).map(ref),
    };
  });
  return { workspace: { name: workspace.name }, entries, more: Math.max(0, total - rows.length) };
}

/** A cell of a Markdown table: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").replace(/\|/g, "\\|").trim();
}

/** What the status column says: the status, and what replaced the document. */
export function statusText(entry: Pick<DecisionLogEntry, "status" | "supersededBy">): string {
  const label = STATUS_LABELS[entry.status];
  return entry.supersededBy ? `${label} by ${entry.supersededBy.number ?? entry.supersededBy.title}` : label;
}

/**
 * The log as an `index.md`, as adr-tools and log4brains keep one beside the records: a
 * heading, then one table row per decision with its number, title, status, owner,
 * approvers and decision date.
 */
export function decisionLogMarkdown(workspaceName: string, log: DecisionLog): string {
  const rows = log.entries.map((e) =>
    `| ${cell(e.number ?? "")} | ${cell(e.title)} | ${cell(statusText(e))} | ${cell(e.owner)} | ${cell(e.approvers.map((a) => `${a.name} (${a.role})`).join(", "))} | ${e.decided ?? ""} |`,
  );
  const more = log.more ? `\n${log.more} more not listed: filter the log to see them.\n` : "";
  return `# Decision log: ${cell(workspaceName)}\n\n| Number | Title | Status | Owner | Approvers | Decided |\n|---|---|---|---|---|---|\n${rows.join("\n")}${rows.length ? "\n" : ""}${more}`;
}
