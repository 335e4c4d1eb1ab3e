import { redirect } from "next/navigation";
import { lastWorkspace } from "@/app/_server/lastWorkspace";
import { requireActor } from "@/app/_server/session";
import { getDb } from "@/lib/db";
import { listWorkspaces } from "@/lib/workspaces/listWorkspaces";

export default async function Home() {
  const actor = await requireActor();
  const workspaces = await listWorkspaces({ actor, db: getDb() });
  const target = await lastWorkspace(workspaces);
  redirect(target ? `/w/${target.slug}` : "/workspaces/new");
}
