import { route } from "@/app/_server/route";
import { deleteConnection, updateConnection } from "@/lib/gitSync/manage";
import { ConnectionRef, UpdateConnectionInput } from "@/lib/gitSync/schema";

const params = ({ slug, connectionId }: Record<string, unknown>) => ({ slug, connectionId });
// PATCH /api/workspaces/:slug/git-sync/:connectionId — { repoUrl?, branch?, path?, scope?, scopeValue?, credential?, enabled? }
export const PATCH = route(UpdateConnectionInput, updateConnection, { params });
// DELETE /api/workspaces/:slug/git-sync/:connectionId — disconnect (the repository and the documents stay)
export const DELETE = route(ConnectionRef, deleteConnection, { params });
