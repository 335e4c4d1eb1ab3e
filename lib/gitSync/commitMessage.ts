import type { PrintedApproval } from "../export/exportable";

/** A person as Git writes them. Names lose what would break the header. */
export interface GitPerson {
  name: string;
  email: string;
}

/** The service that commits (GIT_SYNC_COMMITTER_NAME / _EMAIL; "Specwright <noreply@specwright.local>"). */
export function committer(env: Partial<Record<string, string>> = process.env): GitPerson {
  return { name: env.GIT_SYNC_COMMITTER_NAME || "Specwright", email: env.GIT_SYNC_COMMITTER_EMAIL || "noreply@specwright.local" };
}

/** Author and committer for git's environment. */
export function identityEnv(author: GitPerson, by: GitPerson = committer()): Record<string, string> {
  const clean = (s: string) => s.replace(/[<>\n\r]/g, "").trim() || "Unknown";
  return { GIT_AUTHOR_NAME: clean(author.name), GIT_AUTHOR_EMAIL: clean(author.email), GIT_COMMITTER_NAME: clean(by.name), GIT_COMMITTER_EMAIL: clean(by.email) };
}

export interface CommitFacts {
  reason: string;
  title: string;
  number: string | null;
  status: string;
  contentHash: string;
  documentId: string;
  reviewers: PrintedApproval[];
}

/**
 * The commit message: what happened to which document, then every current sign-off with
 * the content hash it approved (stale ones marked), the document's content hash and id, so a
 * reader of `git log` can check the approvals against the file.
 */
export function commitMessage(facts: CommitFacts): string {
  const name = facts.number ? `${facts.number} ${facts.title}` : facts.title;
  const subject = facts.reason === "approved" ? `Approved: ${name}` : facts.reason === "conflict" ? `Resolved sync conflict: ${name}` : `Update ${name}`;
  const approvals = facts.reviewers.length
    ? facts.reviewers.map((r) => `- ${r.role}: ${r.name}, ${r.decision.replace("_", " ")} ${r.date}, content ${r.contentHash}${r.stale ? " (stale: changed since)" : ""}`)
    : ["- none yet"];
  return [subject.replace(/\s+/g, " ").trim(), "", `Status: ${facts.status.replace("_", " ")}`, "Approvals:", ...approvals, "", `Content-Hash: ${facts.contentHash}`, `Specwright-Document: ${facts.documentId}`, ""].join("\n");
}
