import { requireActor } from "@/app/_server/session";
import { AppHeader } from "@/components/shell/AppHeader";
import { CreateWorkspaceForm } from "@/components/workspaces/CreateWorkspaceForm";
import { getDb } from "@/lib/db";
import { listWorkspaces } from "@/lib/workspaces/listWorkspaces";

export const metadata = { title: "New workspace" };

export default async function NewWorkspacePage() {
  const actor = await requireActor("/workspaces/new");
  const workspaces = await listWorkspaces({ actor, db: getDb() });
  return (
    <>
      <AppHeader user={actor} workspaces={workspaces} />
      <main className="mx-auto max-w-md px-4 py-12">
        <h1 className="text-2xl font-semibold tracking-tight">New workspace</h1>
        <p className="mt-1 text-sm text-slate-600">A workspace holds a team&apos;s design documents, templates and members.</p>
        <div className="mt-6 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <CreateWorkspaceForm />
        </div>
      </main>
    </>
  );
}
