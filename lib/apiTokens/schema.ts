import { z } from "zod";
import { TOKEN_SCOPES } from "../access/scopes";
import { Id, Slug } from "../workspaces/schema";

/** Token lifetimes offered; a token always expires. */
export const MAX_TOKEN_DAYS = 366;

export const TokenScopeInput = z.enum(TOKEN_SCOPES, { message: `Scope must be one of ${TOKEN_SCOPES.join(", ")}.` });

export const CreateTokenInput = z.object({
  name: z.string().trim().min(1, "Name the token, e.g. after the script or CI job that uses it.").max(80, "Use at most 80 characters."),
  scope: TokenScopeInput,
  expiresInDays: z.coerce
    .number({ message: "Give the token's lifetime in days." })
    .int("Give the token's lifetime in whole days.")
    .min(1, "A token lives at least a day.")
    .max(MAX_TOKEN_DAYS, `A token lives at most ${MAX_TOKEN_DAYS} days.`),
});
export type CreateTokenInput = z.infer<typeof CreateTokenInput>;

export const CreateWorkspaceTokenInput = CreateTokenInput.extend({ slug: Slug });
export type CreateWorkspaceTokenInput = z.infer<typeof CreateWorkspaceTokenInput>;

export const TokenRef = z.object({ tokenId: Id });
export type TokenRef = z.infer<typeof TokenRef>;

export const WorkspaceTokenRef = TokenRef.extend({ slug: Slug });
export type WorkspaceTokenRef = z.infer<typeof WorkspaceTokenRef>;
