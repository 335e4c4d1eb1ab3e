import Link from "next/link";
import { loadWorkspacePage } from "@/app/_server/workspacePage";
import { MembersPanel } from "@/components/workspaces/MembersPanel";
import { abilitiesFor } from "@/lib/access/policy";
import { getDb } from "@/lib/db";
import { listInvites, listMembers } from "@/lib/workspaces/listMembers";
import { membersAbilities } from "@/lib/workspaces/memberAbilities";

export const metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, workspace, membership } = await loadWorkspacePage(slug, `/w/${slug}/members`);
  const ctx = { actor, db: getDb() };
  const can = abilitiesFor(membership);
  const [members, invites] = await Promise.all([listMembers(ctx, { slug }), can["invite.list"] ? listInvites(ctx, { slug }) : []]);
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
      </div>
      <MembersPanel slug={slug} me={{ userId: actor.userId }} members={members} invites={invites} abilities={membersAbilities(membership, members)} />
    </div>
  );
}
