import { can, type Membership } from "../access/policy";
import type { Ctx } from "../context";
import { Prisma } from "../db";
import { loadDocument, loadSectionRows } from "../documents/loadDocument";
import type { DocumentStatus } from "../documents/inputs";
import { templateAtVersion } from "../templates/templates";
import type { HashableSection } from "../documents/contentHash";
import { openSuggestions, openSuggestionsIn, type OpenSuggestion } from "../suggestions/open";
import { blockChangeWhat } from "../suggestions/blockChange";
import { suggestionWhat } from "../suggestions/describe";
import { Proposal } from "../suggestions/proposal";
import { hashableSections, scopeHash } from "./scope";
import type { SignoffRoleDef } from "../templates/schema";
import { signoffRolesOf } from "./roles";
import { allowedFrom, availableSteps, rolesEditable, type ReviewAction } from "./stateMachine";

/** What the actor may do on the review now, decided by the policy and the state machine. */
export interface ReviewAbilities {
  /** submit for review (the gate may still block it) */
  submit: boolean;
  /** submit despite the gate's problems, with a reason */
  overrideGate: boolean;
  assign: boolean;
  editRoles: boolean;
  /** status steps the actor may take now: mark implemented, withdraw, supersede, reopen */
  steps: Exclude<ReviewAction, "submit" | "approve" | "requestChanges">[];
  /** sign-off roles the actor may approve or request changes for now (while in review) */
  decide: string[];
}

export interface RoleReviewDto {
  key: string;
  name: string;
  scope: string[];
  /** with nobody assigned, submit is refused (else the role is only flagged) */
  blocksWithoutReviewer: boolean;
  reviewers: { id: string; name: string }[];
  /** each reviewer's latest decision for this role */
  decisions: {
    reviewerId: string;
    reviewerName: string;
    decision: "approved" | "changes_requested";
    comment: string;
    stale: boolean;
    /** stale, but what it covers is back to exactly what was decided on (an edit undone) */
    unchangedSince: boolean;
    at: string;
    contentHash: string;
    /** the document version decided on (null for decisions older than versions) */
    versionNumber: number | null;
  }[];
  /** an approval is current for this role */
  approved: boolean;
  /** open suggestions in what the role covers: it cannot be approved until they are accepted or rejected */
  openSuggestions: { id: string; sectionKey: string; line: string }[];
}

export interface ReviewDto {
  status: DocumentStatus;
  roles: RoleReviewDto[];
  /** the actor's assigned roles */
  myRoles: string[];
  /** the actor's user id (their own decisions start "what changed since") */
  me: string;
  can: ReviewAbilities;
}

/** Facts for review use cases: the document, the actor's membership, its sign-off roles. */
export async function loadReviewFacts(ctx: Ctx, documentId: string) {
  const { doc, membership } = await loadDocument(ctx, documentId);
  // independent reads, asked together (one after the other inside a transaction's connection)
  const [def, assignments, approvals, sections] = await Promise.all([
    templateAtVersion(ctx.db, doc.templateId, doc.templateVersion),
    ctx.db.reviewAssignment.findMany({ where: { documentId }, include: { reviewer: true }, orderBy: { createdAt: "asc" } }),
    ctx.db.approval.findMany({ where: { documentId }, include: { reviewer: true }, orderBy: { createdAt: "asc" } }),
    loadSectionRows(ctx, documentId).then(hashableSections),
  ]);
  return { doc, membership: membership as Membership, roles: signoffRolesOf(doc, def), assignments, approvals, sections, suggestions: await namedSuggestions(ctx, documentId, sections) };
}

/** An open suggestion as the review shows it: where it is and whose it is, by name. */
export interface ReviewSuggestion extends OpenSuggestion {
  sectionTitle: string;
  authorName: string;
  /** a change proposed in a comment thread (whose id this is), not marks in the text: what it proposes, “a change to a diagram” */
  proposal?: string;
}

/** Open threads proposing a diagram or block change, as suggestions of their sections. */
async function openProposals(ctx: Ctx, documentId: string): Promise<(OpenSuggestion & { proposal: string })[]> {
  // asked on every review poll: only the open threads that carry a proposal, without the
  // proposal itself (a diagram's sources), then the blocks of those that propose a block
  const threads = await ctx.db.commentThread.findMany({ where: { documentId, resolvedAt: null, proposal: { not: Prisma.DbNull } }, select: { id: true, sectionKey: true, createdById: true, createdAt: true }, orderBy: { createdAt: "asc" } });
  const blocks = threads.length
    ? await ctx.db.commentThread.findMany({ where: { id: { in: threads.map((t) => t.id) }, proposal: { path: ["kind"], equals: "block" } }, select: { id: true, proposal: true } })
    : [];
  const what = new Map(blocks.map((t) => [t.id, proposalWhat(t.proposal)]));
  return threads.map((t) => ({ id: t.id, sectionKey: t.sectionKey, authorId: t.createdById, at: t.createdAt.toISOString(), inserted: "", deleted: "", changesFormat: false, proposal: what.get(t.id) ?? "a change to a diagram" }));
}

/** What a block proposal proposes, after “proposes”: “to turn a paragraph into Heading 2”. */
function proposalWhat(stored: unknown): string {
  const parsed = Proposal.safeParse(stored);
  if (!parsed.success || parsed.data.kind !== "block") return "a change";
  return `to ${blockChangeWhat(parsed.data.before, parsed.data.after, "to")}`;
}

/** The document's open suggestions and proposals, with their sections' titles and authors' names (no user query when there are none). */
async function namedSuggestions(ctx: Ctx, documentId: string, sections: HashableSection[]): Promise<ReviewSuggestion[]> {
  const open: (OpenSuggestion & { proposal?: string })[] = [...openSuggestions(sections), ...(await openProposals(ctx, documentId))];
  if (!open.length) return [];
  const ids = [...new Set(open.map((s) => s.authorId).filter((id): id is string => id !== null))];
  const names = new Map((await ctx.db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const titles = new Map(sections.map((s) => [s.key, s.title]));
  return open.map((s) => ({ ...s, sectionTitle: titles.get(s.sectionKey) || "Untitled section", authorName: (s.authorId && names.get(s.authorId)) || "Someone" }));
}

/** The open suggestions in what a role covers (its sections, or the whole document when unscoped). */
export function suggestionsCovered(role: Pick<SignoffRoleDef, "scope">, suggestions: ReviewSuggestion[]): ReviewSuggestion[] {
  return openSuggestionsIn(suggestions, role.scope);
}

/** One line naming a suggestion: “Vera suggests “99.9” for “99.99” in Goals”. */
export function suggestionLine(s: ReviewSuggestion): string {
  return s.proposal ? `${s.authorName} proposes ${s.proposal} in ${s.sectionTitle}` : `${s.authorName} suggests ${suggestionWhat(s)} in ${s.sectionTitle}`;
}

type Facts = Awaited<ReturnType<typeof loadReviewFacts>>;

/** Per role: its reviewers, their latest decisions and whether a current approval exists. */
export function presentReview(facts: Facts, actorId: string): ReviewDto {
  const roles = facts.roles.map((role: SignoffRoleDef): RoleReviewDto => {
    const reviewers = facts.assignments.filter((a) => a.roleKey === role.key).map((a) => ({ id: a.reviewerId, name: a.reviewer.name }));
    const latest = new Map<string, (typeof facts.approvals)[number]>();
    for (const a of facts.approvals) if (a.roleKey === role.key) latest.set(a.reviewerId, a);
    const decisions = [...latest.values()].map((a) => ({
      reviewerId: a.reviewerId,
      reviewerName: a.reviewer.name,
      decision: a.decision,
      comment: a.comment,
      stale: a.stale,
      unchangedSince: a.stale && scopeHash(role, facts.sections) === a.contentHash,
      at: a.createdAt.toISOString(),
      contentHash: a.contentHash,
      versionNumber: a.versionNumber,
    }));
    const approved = decisions.some((d) => d.decision === "approved" && !d.stale) && !decisions.some((d) => d.decision === "changes_requested" && !d.stale);
    const openSuggestions = suggestionsCovered(role, facts.suggestions).map((s) => ({ id: s.id, sectionKey: s.sectionKey, line: suggestionLine(s) }));
    return { key: role.key, name: role.name, scope: role.scope, blocksWithoutReviewer: role.blocksWithoutReviewer, reviewers, decisions, approved, openSuggestions };
  });
  const myRoles = facts.assignments.filter((a) => a.reviewerId === actorId).map((a) => a.roleKey);
  return { status: facts.doc.status, roles, myRoles, me: actorId, can: reviewAbilities(facts, myRoles) };
}

function reviewAbilities(facts: Facts, myRoles: string[]): ReviewAbilities {
  const { membership, doc } = facts;
  const steps = availableSteps(doc.status, { membership, isReviewer: myRoles.length > 0 });
  return {
    submit: steps.includes("submit"),
    overrideGate: steps.includes("submit") && can(membership, "review.overrideGate", { documentOwnerId: doc.ownerId }),
    assign: can(membership, "review.assign"),
    editRoles: rolesEditable(doc.status) && can(membership, "review.editRoles"),
    steps: steps.filter((s): s is ReviewAbilities["steps"][number] => s !== "submit" && s !== "approve" && s !== "requestChanges"),
    decide: allowedFrom(doc.status, "approve") ? facts.roles.filter((r) => can(membership, "review.decide", { isReviewer: myRoles.includes(r.key) })).map((r) => r.key) : [],
  };
}
