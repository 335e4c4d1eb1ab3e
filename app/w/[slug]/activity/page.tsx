import { firstParam, loadFiltered } from "@/app/_server/filtered";
import { loadWorkspacePage } from "@/app/_server/workspacePage";
import { WorkspaceActivity } from "@/components/activityLog/WorkspaceActivity";
import { Alert } from "@/components/ui/Alert";
import { can } from "@/lib/access/policy";
import { listWorkspaceActivity } from "@/lib/activityLog/listWorkspaceActivity";
import { WorkspaceActivityQuery } from "@/lib/activityLog/schema";
import { getDb } from "@/lib/db";

export const metadata = { title: "Activity log" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ActivityPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const { actor, workspace, membership } = await loadWorkspacePage(slug, `/w/${slug}/activity`);
  const allowed = can(membership, "activity.view");
  const query = { slug, token: firstParam(sp.token), before: firstParam(sp.before) };
  const result = allowed ? await loadFiltered(WorkspaceActivityQuery, query, () => listWorkspaceActivity({ actor, db: getDb() }, query)) : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Activity log</h1>
        <p className="mt-1 text-sm text-slate-600">
          Who changed what in {workspace.name}, newest first. What was done through an API token names the token; choose one to see only what it did.
        </p>
      </div>
      {!result ? (
        <p className="text-sm text-slate-600">Only the workspace&apos;s admins and owners see its activity log.</p>
      ) : "error" in result ? (
        <Alert>{result.error}</Alert>
      ) : (
        <WorkspaceActivity base={`/w/${slug}/activity`} slug={slug} page={result.value} />
      )}
    </div>
  );
}
