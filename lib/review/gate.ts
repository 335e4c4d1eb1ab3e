import { authorize } from "../access/policy";
import type { Ctx } from "../context";
import type { DbTx } from "../db";
import { DocumentRef } from "../documents/inputs";
import { templateAtVersion } from "../templates/templates";
import { loadReviewFacts, suggestionLine, type ReviewSuggestion } from "./loadReview";
import { reviewerProblems, submitProblems, type GateProblem } from "./submitGate";

type Facts = Awaited<ReturnType<typeof loadReviewFacts>>;

/** Everything the submit gate refuses for these facts: the content's problems, open suggestions, then roles that need a reviewer. */
export async function gateProblems(db: DbTx, facts: Facts): Promise<GateProblem[]> {
  const def = await templateAtVersion(db, facts.doc.templateId, facts.doc.templateVersion);
  return [...(await submitProblems(facts.doc.title, facts.sections, def)), ...suggestionProblems(facts.suggestions), ...reviewerProblems(facts.roles, facts.assignments)];
}

/** One problem per open suggestion: what goes to review is what was accepted, so each is decided first (or the submit says why not). */
function suggestionProblems(suggestions: ReviewSuggestion[]): GateProblem[] {
  return suggestions.map((s) => {
    const detail = `${s.proposal ? "Apply or resolve the proposal" : "Accept or reject the suggestion"}: ${suggestionLine(s).replace(` in ${s.sectionTitle}`, "")}.`;
    return { sectionKey: s.sectionKey, sectionTitle: s.sectionTitle, kind: "suggestion", detail, message: `${s.sectionTitle}: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}` };
  });
}

/**
 * What the submit gate would refuse now, judged on the stored content (what editors typed
 * reaches it within seconds; submitting stores the live document first and checks again),
 * so a writer sees the problems before pressing submit. Requires `review.submit`; NotFound
 * outside the actor's workspaces.
 */
export async function checkSubmitGate(ctx: Ctx, raw: DocumentRef): Promise<{ problems: GateProblem[] }> {
  const { documentId } = DocumentRef.parse(raw);
  const facts = await loadReviewFacts(ctx, documentId);
  authorize(facts.membership, "review.submit");
  return { problems: await gateProblems(ctx.db, facts) };
}
