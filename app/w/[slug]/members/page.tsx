import Link from "next/link";
import { loadWorkspacePage, readingCtx } from "@/app/_server/workspacePage";
import { ApiTokens } from "@/components/apiTokens/ApiTokens";
import { MembersPanel } from "@/components/workspaces/MembersPanel";
import { abilitiesFor } from "@/lib/access/policy";
import { listWorkspaceTokens } from "@/lib/apiTokens/listTokens";
import { listInvites, listMembers } from "@/lib/workspaces/listMembers";
import { membersAbilities } from "@/lib/workspaces/memberAbilities";

export const metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspacePage = await loadWorkspacePage(slug, `/w/${slug}/members`);
  const { actor, workspace, membership } = workspacePage;
  // the page only reads: its parts share the actor's membership, read once
  const ctx = readingCtx(workspacePage);
  const can = abilitiesFor(membership);
  const [members, invites, tokens] = await Promise.all([
    listMembers(ctx, { slug }),
    can["invite.list"] ? listInvites(ctx, { slug }) : [],
    can["apiToken.manage"] ? listWorkspaceTokens(ctx, { slug }) : [],
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Members</h1>
        <p className="mt-1 text-sm text-slate-600">People in {workspace.name} and what they may do.</p>
        {can["webhook.manage"] ? (
          <p className="mt-1 text-sm">
            <Link prefetch={false} href={`/w/${slug}/webhooks`} className="text-indigo-700 underline hover:text-indigo-900">
              Webhooks
            </Link>{" "}
            <span className="text-slate-600">tell other systems about this workspace&apos;s events.</span>
          </p>
        ) : null}
        {can["activity.view"] ? (
          <p className="mt-1 text-sm">
            <Link prefetch={false} href={`/w/${slug}/activity`} className="text-indigo-700 underline hover:text-indigo-900">
              Activity log
            </Link>{" "}
            <span className="text-slate-600">shows who changed what, and through which API token.</span>
          </p>
        ) : null}
        {can["gitSync.manage"] ? (
          <p className="mt-1 text-sm">
            <Link prefetch={false} href={`/w/${slug}/git-sync`} className="text-indigo-700 underline hover:text-indigo-900">
              Git sync
            </Link>{" "}
            <span className="text-slate-600">keeps documents in a Git repository, both ways.</span>
          </p>
        ) : null}
      </div>
      <MembersPanel slug={slug} me={{ userId: actor.userId }} members={members} invites={invites} abilities={membersAbilities(membership, members)} />
      {can["apiToken.manage"] ? (
        <section aria-labelledby="workspace-tokens-heading" className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <h2 id="workspace-tokens-heading" className="text-sm font-semibold">Workspace API tokens</h2>
          <p className="text-sm text-slate-600">
            For CI and integrations of {workspace.name}: a workspace token works in this workspace only and acts as the admin who made it, never beyond
            their role. Every admin here sees and may revoke them.
          </p>
          <ApiTokens tokens={tokens} endpoint={`/api/workspaces/${slug}/tokens`} showCreator activityLog={can["activity.view"] ? `/w/${slug}/activity` : undefined} />
        </section>
      ) : null}
    </div>
  );
}
