import { loadWorkspacePage } from "@/app/_server/workspacePage";
import { GitSyncPanel } from "@/components/gitSync/GitSyncPanel";
import { can } from "@/lib/access/policy";
import { getDb } from "@/lib/db";
import { listConnections } from "@/lib/gitSync/manage";

export const metadata = { title: "Git sync" };

export default async function GitSyncPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, workspace, membership } = await loadWorkspacePage(slug, `/w/${slug}/git-sync`);
  const allowed = can(membership, "gitSync.manage");
  const connections = allowed ? await listConnections({ actor, db: getDb() }, { slug }) : [];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Git sync</h1>
        <p className="mt-1 text-sm text-slate-600">
          Keep {workspace.name}&apos;s documents in a Git repository. Approved documents are committed as Markdown with their images (authored by the
          approver, listing the approvals with their content hashes); commits made in the repository come back as new versions. When both sides changed the
          same section, nothing is overwritten: the document asks a person to choose.
        </p>
      </div>
      {allowed ? <GitSyncPanel slug={slug} connections={connections} /> : <p className="text-sm text-slate-600">Only the workspace&apos;s admins and owners manage Git sync.</p>}
    </div>
  );
}
