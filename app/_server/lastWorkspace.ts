import { cookies } from "next/headers";
import type { WorkspaceDto } from "@/lib/workspaces/present";
import { LAST_WORKSPACE_COOKIE } from "@/lib/workspaces/lastWorkspaceCookie";

/** The workspace this person opened last (the cookie proxy.ts sets), else their first; none without workspaces. */
export async function lastWorkspace(workspaces: WorkspaceDto[]): Promise<WorkspaceDto | undefined> {
  const last = (await cookies()).get(LAST_WORKSPACE_COOKIE)?.value;
  return workspaces.find((w) => w.slug === last) ?? workspaces[0];
}
