import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { requireActor } from "@/app/_server/session";
import { getDb } from "@/lib/db";
import { listWorkspaces } from "@/lib/workspaces/listWorkspaces";

export default async function Home() {
  const actor = await requireActor();
  const workspaces = await listWorkspaces({ actor, db: getDb() });
  if (workspaces.length === 0) redirect("/workspaces/new");
  const last = (await cookies()).get("sw_workspace")?.value;
  const target = workspaces.find((w) => w.slug === last) ?? workspaces[0]!;
  redirect(`/w/${target.slug}`);
}
