import { publishAccessChange } from "../access/accessEvents";
import { authorize } from "../access/policy";
import { recordActivity } from "../activity/recordActivity";
import type { Ctx } from "../context";
import { inTransaction } from "../db/tx";
import { Conflict, InvalidInput } from "../errors";
import type { SignoffRoleDef } from "../templates/schema";
import { RolesInput } from "./inputs";
import { rolesEditable } from "./stateMachine";
import { loadReviewFacts, presentReview, type ReviewDto } from "./loadReview";

/** "Data Model (DBA)" → "data_model_dba", made unique among `taken`. */
function keyFor(name: string, taken: Set<string>): string {
  const base = `role_${name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "")}`.slice(0, 50).replace(/_+$/, "") || "role";
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}_${i}`;
  taken.add(key);
  return key;
}

const sameScope = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");

/**
 * Replaces the document's sign-off roles (the template's are the starting point): names,
 * which sections each one covers, whether submit waits for a reviewer. Requires `review.editRoles`, while the document is a Draft
 * or has Changes Requested (409 otherwise). A removed role loses its reviewers; a role whose
 * sections changed has its earlier decisions marked stale, as they covered other content.
 */
export async function updateSignoffRoles(ctx: Ctx, raw: RolesInput): Promise<ReviewDto> {
  const input = RolesInput.parse(raw);
  const review = await inTransaction(ctx, async (tx) => {
    const facts = await loadReviewFacts(tx, input.documentId);
    authorize(facts.membership, "review.editRoles");
    if (!rolesEditable(facts.doc.status)) throw new Conflict("Sign-off roles can be changed while the document is a Draft or has Changes Requested.");
    const sectionKeys = new Set(facts.sections.map((s) => s.key));
    const fieldErrors: Record<string, string[]> = {};
    input.roles.forEach((r, i) => {
      const unknown = r.scope.filter((k) => !sectionKeys.has(k));
      if (unknown.length) fieldErrors[`roles.${i}.scope`] = [`not sections of this document: ${unknown.join(", ")}`];
    });
    const given = input.roles.map((r) => r.key).filter((k): k is string => Boolean(k));
    if (new Set(given).size !== given.length) fieldErrors.roles = ["two roles have the same key"];
    if (Object.keys(fieldErrors).length) throw new InvalidInput("Some sign-off roles are not valid.", fieldErrors);

    const taken = new Set(given);
    const before = new Map(facts.roles.map((r) => [r.key, r]));
    const roles: SignoffRoleDef[] = input.roles.map((r) => ({
      key: r.key ?? keyFor(r.name, taken),
      name: r.name,
      scope: [...new Set(r.scope)],
      blocksWithoutReviewer: r.blocksWithoutReviewer ?? (r.key ? before.get(r.key)?.blocksWithoutReviewer : undefined) ?? false,
    }));
    const removed = facts.roles.filter((r) => !roles.some((n) => n.key === r.key)).map((r) => r.key);
    const rescoped = roles.filter((r) => before.has(r.key) && !sameScope(before.get(r.key)!.scope, r.scope)).map((r) => r.key);

    await tx.db.document.update({ where: { id: facts.doc.id }, data: { signoffRoles: roles } });
    if (removed.length) await tx.db.reviewAssignment.deleteMany({ where: { documentId: facts.doc.id, roleKey: { in: removed } } });
    if (rescoped.length) await tx.db.approval.updateMany({ where: { documentId: facts.doc.id, roleKey: { in: rescoped }, stale: false }, data: { stale: true, staleAt: new Date() } });
    await recordActivity(tx, {
      workspaceId: facts.doc.workspaceId,
      kind: "review.roles",
      subjectId: facts.doc.id,
      data: { roles: roles.map((r) => r.name).join(", "), removed: removed.map((k) => before.get(k)!.name).join(", ") },
    });
    return presentReview(await loadReviewFacts(tx, input.documentId), ctx.actor.userId);
  });
  // a reviewer who lost their role may no longer suggest: their open sockets are re-checked
  publishAccessChange({ kind: "document", documentId: input.documentId });
  return review;
}
