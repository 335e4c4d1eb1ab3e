import type { Actor } from "../context";
import { Forbidden } from "../errors";
import { atLeast, type Role } from "./roles";
import { scopeCovers, type TokenScope } from "./scopes";

/**
 * Who may do what, written once. Every route, action, page and the collaboration server
 * asks `can`/`authorize`; pages get `abilitiesFor` so a button is hidden by the very rule
 * that guards the server.
 */

/** The actor's membership in the workspace the action happens in. */
export interface Membership {
  userId: string;
  role: Role;
  /** the scope of the API token the actor acts through (none: the person, signed in) */
  scope?: TokenScope;
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
  // Git sync writes the workspace's documents to a repository and brings commits back: connect, edit, disconnect, sync
  "gitSync.manage": isAdmin,
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
  // the workspace's API tokens: made, listed and revoked by its admins
  "apiToken.manage": isAdmin,
} satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;
export const ACTIONS = Object.keys(RULES) as Action[];

/** What an action asks of an API token; "person" means only a signed-in person may. */
export type TokenNeed = TokenScope | "person";

/**
 * The scope an API token needs for each action, on top of the rule above (a token never
 * does more than its owner's role allows). Reads need `read`; changes to documents,
 * reviews and comments need `write`; running the workspace (members, invites, templates,
 * overrides) needs `admin`; making tokens needs the person.
 */
export const TOKEN_NEEDS: Record<Action, TokenNeed> = {
  "workspace.view": "read",
  "workspace.update": "admin",
  "workspace.delete": "admin",
  "member.list": "read",
  "member.invite": "admin",
  "member.changeRole": "admin",
  "member.remove": "admin",
  "member.confirmEmail": "admin",
  "invite.list": "read",
  "invite.revoke": "admin",
  "activity.view": "read",
  "document.view": "read",
  "document.create": "write",
  "document.edit": "write",
  "document.suggest": "write",
  "suggestion.resolve": "write",
  "document.delete": "write",
  "template.manage": "admin",
  "template.import": "admin",
  "document.export": "read",
  "document.import": "write",
  "workspace.export": "read",
  "version.view": "read",
  "image.upload": "write",
  "image.view": "read",
  "version.create": "write",
  "version.restore": "write",
  "comment.create": "write",
  "comment.resolve": "write",
  "review.assign": "write",
  "review.editRoles": "write",
  "review.submit": "write",
  // past the gate on someone else's document is an admin's call; its author uses an admin-scoped token
  "review.overrideGate": "admin",
  "review.decide": "write",
  "review.changeStatus": "write",
  "review.override": "admin",
  "apiToken.manage": "person",
  "webhook.manage": "admin",
  "gitSync.manage": "admin",
};

function tokenMeets(scope: TokenScope | undefined, need: TokenNeed): boolean {
  if (scope === undefined) return true;
  return need !== "person" && scopeCovers(scope, need);
}

/** Whether a member may take `action` on `subject` (through their token, within its scope). */
export function can(member: Membership | null | undefined, action: Action, subject: Subject = {}): boolean {
  if (!member) return false;
  if (!tokenMeets(member.scope, TOKEN_NEEDS[action])) return false;
  const rule: Rule = RULES[action];
  return rule(member, subject);
}

/**
 * The actor's membership as the policy sees it, from their Membership row: carrying their
 * token's scope, and null (a stranger) in any workspace but a workspace token's own.
 */
export function membershipOf(actor: Actor, row: { userId: string; role: Role; workspaceId: string } | null | undefined): Membership | null {
  if (!row || row.userId !== actor.userId) return null;
  if (actor.token?.workspaceId && actor.token.workspaceId !== row.workspaceId) return null;
  return actor.token ? { userId: row.userId, role: row.role, scope: actor.token.scope } : { userId: row.userId, role: row.role };
}

/** Throws Forbidden unless `can` allows it. */
export function authorize(member: Membership | null | undefined, action: Action, subject: Subject = {}): void {
  if (!can(member, action, subject)) throw new Forbidden();
}

/**
 * A caller that is no person: a Git host's push hook that proved, with the connection's hook
 * secret (`lib/gitSync/hook.ts`), that it was set up by the connection's admins.
 */
export interface HookCaller {
  /** the connection whose secret the request was signed or sent with */
  connectionId: string;
  /** the signature or token matched that connection's secret */
  verified: boolean;
}

/** What a verified hook may do: only ask for a sync of its own connection (the poll loop then syncs it as usual). */
export const HOOK_RULES = {
  "gitSync.hookSync": (caller: HookCaller, connection: { id: string }) => caller.verified && caller.connectionId === connection.id,
} satisfies Record<string, (caller: HookCaller, connection: { id: string }) => boolean>;
export type HookAction = keyof typeof HOOK_RULES;

/** Whether a hook caller may take `action` on `connection`. */
export function hookMay(caller: HookCaller, action: HookAction, connection: { id: string }): boolean {
  return HOOK_RULES[action](caller, connection);
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

/**
 * Actions on the caller's own account, outside any workspace, and what a token needs for
 * them. A workspace token acts in its workspace only, so of these it may only read who it
 * acts as.
 */
export const ACCOUNT_NEEDS = {
  /** who am I, which workspaces */
  "account.view": "read",
  "notification.view": "read",
  "notification.markRead": "write",
  "workspace.create": "write",
  /** how the person is shown to others (their colour) */
  "account.profile": "write",
  "invite.accept": "person",
  /** password, sessions, sign-in providers, address confirmation, API tokens */
  "account.security": "person",
} satisfies Record<string, TokenNeed>;

export type AccountAction = keyof typeof ACCOUNT_NEEDS;

/** Whether the actor may take an action on their own account (always, signed in as themselves). */
export function canOnAccount(actor: Pick<Actor, "token">, action: AccountAction): boolean {
  const token = actor.token;
  if (!token) return true;
  if (token.workspaceId && action !== "account.view") return false;
  return tokenMeets(token.scope, ACCOUNT_NEEDS[action]);
}

/** Throws Forbidden unless `canOnAccount` allows it. */
export function authorizeAccount(actor: Pick<Actor, "token">, action: AccountAction): void {
  if (!canOnAccount(actor, action)) {
    throw new Forbidden(ACCOUNT_NEEDS[action] === "person" ? "Only a signed-in person can do that, not an API token." : "This API token's scope does not allow that.");
  }
}

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request method suits the actor's token: a read token only reads, whatever the
 * route. A second line behind the rules above, for any route that would forget to ask.
 */
export function tokenMayUseMethod(actor: Pick<Actor, "token">, method: string): boolean {
  return actor.token?.scope !== "read" || READ_METHODS.has(method.toUpperCase());
}
