import { z } from "zod";
import { Id, Slug } from "../workspaces/schema";

const Branch = z
  .string()
  .trim()
  .min(1, "Enter a branch.")
  .max(200, "Use at most 200 characters.")
  .regex(/^(?!-)(?!\/)(?!.*\.\.)(?!.*\/\/)(?!.*\/$)(?!.*\.lock$)[A-Za-z0-9._/-]+$/, "Enter a branch name such as main or docs/design.");

/** A folder inside the repository: `docs/design`, or "" for its root; no `..`, no leading `/`. */
const Folder = z
  .string()
  .trim()
  .max(200, "Use at most 200 characters.")
  .transform((p) => p.replace(/^\.?\/+/, "").replace(/\/+$/, ""))
  .refine((p) => p === "" || p.split("/").every((part) => part !== "" && part !== "." && part !== ".." && !part.startsWith(".git")), "Enter a folder inside the repository, such as docs/design (no .. or .git).")
  .refine((p) => /^[A-Za-z0-9._/ -]*$/.test(p), "Use letters, digits, spaces, . _ - and / in the folder.");

export const SCOPES = ["all", "template", "tag"] as const;
export type GitScope = (typeof SCOPES)[number];

/** The credential as an admin enters it; stored sealed, never returned. `none` removes it. */
export const CredentialInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({
    kind: z.literal("token"),
    token: z.string().trim().min(1, "Enter the token.").max(4000),
    user: z.string().trim().min(1).max(200).regex(/^[^:\s]+$/, "The user name cannot hold a colon or spaces.").default("x-access-token"),
  }),
  z.object({
    kind: z.literal("ssh"),
    privateKey: z.string().trim().min(1, "Paste the private key.").max(20_000).refine((k) => /^-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(k), "Paste an unencrypted private key in OpenSSH or PEM form (-----BEGIN … PRIVATE KEY-----)."),
  }),
]);
export type CredentialInput = z.input<typeof CredentialInput>;

const fields = {
  repoUrl: z.string().trim().min(1, "Enter the repository's address.").max(2000, "Use at most 2000 characters."),
  branch: Branch,
  path: Folder,
  scope: z.enum(SCOPES, { message: `Scope must be one of ${SCOPES.join(", ")}.` }),
  scopeValue: z.string().trim().max(200, "Use at most 200 characters."),
};

function scopeNamed(v: { scope?: GitScope; scopeValue?: string }): boolean {
  return v.scope === undefined || v.scope === "all" || Boolean(v.scopeValue);
}
const SCOPE_NEEDS_VALUE = { message: "Name the template (its key) or the tag the documents carry.", path: ["scopeValue"] };

export const CreateConnectionInput = z
  .object({
    slug: Slug,
    repoUrl: fields.repoUrl,
    branch: fields.branch.default("main"),
    path: fields.path.default(""),
    scope: fields.scope.default("all"),
    scopeValue: fields.scopeValue.default(""),
    credential: CredentialInput.default({ kind: "none" }),
  })
  .refine(scopeNamed, SCOPE_NEEDS_VALUE);
export type CreateConnectionInput = z.input<typeof CreateConnectionInput>;

export const UpdateConnectionInput = z
  .object({
    slug: Slug,
    connectionId: Id,
    repoUrl: fields.repoUrl.optional(),
    branch: fields.branch.optional(),
    path: fields.path.optional(),
    scope: fields.scope.optional(),
    scopeValue: fields.scopeValue.optional(),
    /** left out: the stored credential stays */
    credential: CredentialInput.optional(),
    enabled: z.boolean().optional(),
  })
  .refine(scopeNamed, SCOPE_NEEDS_VALUE);
export type UpdateConnectionInput = z.input<typeof UpdateConnectionInput>;

export const ConnectionRef = z.object({ slug: Slug, connectionId: Id });
export type ConnectionRef = z.infer<typeof ConnectionRef>;

export const ConflictRef = z.object({ documentId: Id, conflictId: Id });
export const ResolveConflictInput = ConflictRef.extend({
  /** the section (by its key in the conflict) and the side to keep */
  sectionKey: z.string().trim().min(1).max(200),
  keep: z.enum(["specwright", "repository"], { message: "Keep either specwright or repository." }),
});
export type ResolveConflictInput = z.input<typeof ResolveConflictInput>;
