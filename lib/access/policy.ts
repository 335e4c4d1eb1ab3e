import { Forbidden } from "../errors";
import { atLeast, type Role } from "./roles";

/**
 * Who may do what, written once. Every route, action, page and the collaboration server
 * asks `can`/`authorize`; pages get `abilitiesFor` so a button is hidden by the very rule
 * that guards the server.
 */

/** The actor's membership in the workspace the action happens in. */
export interface Membership {
  userId: string;
  role: Role;
}

/** Facts about the target of an action, when the rule needs them. */
export interface Subject {
  /** role of the member being changed or removed */
  targetRole?: Role;
  /** user id of the member being changed or removed */
  targetUserId?: string;
  /** the role being granted */
  newRole?: Role;
  /** how many owners the workspace has */
  ownerCount?: number;
  /** user id of the document's owner (its author) */
  documentOwnerId?: string;
  /** user id of whoever started the comment thread */
  authorId?: string;
  /** the actor is assigned to the sign-off role the action concerns */
  isReviewer?: boolean;
}

type Rule = (m: Membership, s: Subject) => boolean;

const isOwner = (m: Membership) => m.role === "owner";
const isAdmin = (m: Membership) => atLeast(m.role, "admin");
const isEditor = (m: Membership) => atLeast(m.role, "editor");
const isMember = () => true;
/** Admins manage editors and viewers; only owners manage admins and owners. */
const mayManage = (m: Membership, role: Role | undefined) => isOwner(m) || (isAdmin(m) && role !== undefined && !atLeast(role, "admin"));
/** The last owner can neither leave, be removed nor be demoted. */
const keepsAnOwner = (s: Subject) => s.targetRole !== "owner" || (s.ownerCount ?? 0) > 1;

export const RULES = {
  "workspace.view": isMember,
  "workspace.update": isAdmin,
  "workspace.delete": isOwner,
  "member.list": isMember,
  "member.invite": (m, s) => mayManage(m, s.newRole),
  "member.changeRole": (m, s) =>
    s.targetUserId !== m.userId && mayManage(m, s.targetRole) && mayManage(m, s.newRole) && keepsAnOwner(s),
  "member.remove": (m, s) => (s.targetUserId === m.userId || mayManage(m, s.targetRole)) && keepsAnOwner(s),
  // without mail, an admin vouches for a member's address (see lib/auth/README.md)
  "member.confirmEmail": (m, s) => s.targetUserId !== m.userId && mayManage(m, s.targetRole),
  "invite.list": isAdmin,
  "invite.revoke": isAdmin,
  "activity.view": isAdmin,
  // webhooks send the workspace's events to another system: register, change, disable, delete, see deliveries
  "webhook.manage": isAdmin,
  "document.view": isMember,
  "document.create": isEditor,
  "document.edit": isEditor,
  // suggestion mode: editors may suggest instead of editing; a viewer assigned as a reviewer may only suggest
  "document.suggest": (m, s) => isEditor(m) || s.isReviewer === true,
  // accepting or rejecting a suggestion changes the text: an editor's call
  "suggestion.resolve": isEditor,
  "document.delete": isEditor,
  "template.manage": isAdmin,
  "template.import": isAdmin,
  // export is reading: anyone who may view may take a copy
  "document.export": isMember,
  "document.import": isEditor,
  "workspace.export": isMember,
  "version.view": isMember,
  // images are part of the documents: whoever may edit adds them, every member sees them
  "image.upload": isEditor,
  "image.view": isMember,
  "version.create": isEditor,
  "version.restore": isEditor,
  // reviewers are often viewers: everyone in the workspace may discuss a document
  "comment.create": isMember,
  "comment.resolve": (m, s) => isEditor(m) || (s.authorId !== undefined && s.authorId === m.userId),
  "review.assign": isEditor,
  "review.editRoles": isEditor,
  "review.submit": isEditor,
  // the author knows why a placeholder may stay; admins answer for the workspace
  "review.overrideGate": (m, s) => isAdmin(m) || (isEditor(m) && s.documentOwnerId !== undefined && s.documentOwnerId === m.userId),
  // reviewers are often viewers: the assignment, not the role, lets them decide
  "review.decide": (_m, s) => s.isReviewer === true,
  // mark implemented, withdraw, supersede, reopen
  "review.changeStatus": isEditor,
  // decide for a role, or take a status step, in someone else's place, with a written reason
  "review.override": isAdmin,
} satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;
export const ACTIONS = Object.keys(RULES) as Action[];

/** Whether a member may take `action` on `subject`. */
export function can(member: Membership | null | undefined, action: Action, subject: Subject = {}): boolean {
  if (!member) return false;
  const rule: Rule = RULES[action];
  return rule(member, subject);
}

/** Throws Forbidden unless `can` allows it. */
export function authorize(member: Membership | null | undefined, action: Action, subject: Subject = {}): void {
  if (!can(member, action, subject)) throw new Forbidden();
}

export type Abilities = Record<Action, boolean>;

/**
 * A member's abilities, for pages to show or hide controls: subject-free, or about one
 * subject when the page is about one (see `documentAbilities`).
 */
export function abilitiesFor(member: Membership | null | undefined, subject: Subject = {}): Abilities {
  return Object.fromEntries(ACTIONS.map((a) => [a, can(member, a, subject)])) as Abilities;
}

/** A member's abilities on one document (rules about its owner included). */
export function documentAbilities(member: Membership | null | undefined, doc: { ownerId: string }): Abilities {
  return abilitiesFor(member, { documentOwnerId: doc.ownerId });
}
