import { STATUS_LABELS, type DocumentStatus } from "../documents/status";
import { plural } from "../util/plural";

/** How people, sign-off roles and sections are called, by id or key. */
export interface ActivityNames {
  people: Map<string, string>;
  roles: Map<string, string>;
  sections: Map<string, string>;
}

type Data = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === "string" || typeof v === "number" ? String(v) : "");

/** A key people never saw (a role or section since removed), in words: "security_review" → "Security review". */
function fromKey(key: string): string {
  const words = key.replace(/[_-]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "an unnamed one";
}

const status = (v: unknown) => STATUS_LABELS[str(v) as DocumentStatus] ?? fromKey(str(v));

function statusText(d: Data): string {
  let text = `moved it from ${status(d.from)} to ${status(d.to)}`;
  if (d.reason) text += `: “${str(d.reason)}”`;
  if (d.override) text += ` as an override: “${str(d.override)}”`;
  if (d.gateOverride) {
    const problems = d.gateProblems ? plural(Number(d.gateProblems), "problem", "problems") : "its problems";
    text += `, submitting it despite ${problems}: “${str(d.gateOverride)}”`;
  }
  return text;
}

/** The sections a Markdown copy renamed, as ", renaming “Old” to “New”"; "" when it renamed none. */
function renamings(d: Data): string {
  const renamed = Array.isArray(d.renamed) ? (d.renamed as unknown[]).filter((r): r is Data => typeof r === "object" && r !== null) : [];
  return renamed.length ? `, renaming ${renamed.map((r) => `“${str(r.from)}” to “${str(r.to)}”`).join(", ")}` : "";
}

const SENTENCES: Record<string, (d: Data, n: ActivityNames, role: string, section: string) => string> = {
  "document.created": () => "created the document",
  "document.imported": () => "imported the document",
  "document.updated": (d) => (d.title ? `renamed it “${str(d.title)}”` : "edited its fields"),
  "document.metadata_changed": () => "edited its metadata",
  "document.markdown_applied": (d) => `updated ${plural(Number(d.sections), "section", "sections")} from Markdown${renamings(d)} (saved as v${str(d.number)})`,
  "document.status": statusText,
  "document.trashed": () => "moved it to the trash",
  "document.restored": () => "restored it from the trash",
  "review.assigned": (d, n, role) => `asked ${n.people.get(str(d.reviewer)) ?? "someone"} to review as ${role}`,
  "review.approved": (d, _n, role) => `approved as ${role}${d.comment ? `: “${str(d.comment)}”` : ""}`,
  "review.changes_requested": (d, _n, role) => `requested changes as ${role}${d.comment ? `: “${str(d.comment)}”` : ""}`,
  "review.stale": (d, n, role) => `marked ${n.people.get(str(d.reviewer)) ? `${n.people.get(str(d.reviewer))}’s` : "the"} ${role} decision stale: its content changed`,
  "review.roles": (d) => `set the sign-off roles to ${str(d.roles) || "none"}${d.removed ? ` (removed ${str(d.removed)})` : ""}`,
  "comment.created": (_d, _n, _r, section) => `commented on ${section}`,
  "comment.replied": () => "replied to a comment",
  "comment.resolved": (d) => (d.why ? "closed a comment: its suggestion was accepted or rejected" : "resolved a comment"),
  "comment.reopened": () => "reopened a comment",
  "suggestion.applied": (_d, _n, _r, section) => `applied a proposed diagram change in ${section}`,
  "gitSync.conflictSection": (d, _n, _r, section) => `kept ${d.keep === "repository" ? "the Git repository’s" : "Specwright’s"} text of ${section} after both changed it`,
  "version.named": (d) => `named v${str(d.number)} “${str(d.label)}”`,
  "version.restored": (d, _n, _r, section) => `restored ${d.section ? section : "the whole document"} from v${str(d.from)} (saved as v${str(d.number)})`,
};

/**
 * One activity row as a sentence that follows the actor's name: people by name, sign-off
 * roles and sections by title (a removed one from its key in words), statuses by label.
 */
export function describeActivity(kind: string, data: Data, names: ActivityNames): string {
  const role = data.role === undefined ? "" : (names.roles.get(str(data.role)) ?? fromKey(str(data.role)));
  const section = data.section === undefined ? "the document" : `“${names.sections.get(str(data.section)) ?? fromKey(str(data.section))}”`;
  return SENTENCES[kind]?.(data, names, role, section) ?? "changed the document";
}
