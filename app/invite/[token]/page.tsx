import Link from "next/link";
import { requireActor } from "@/app/_server/session";
import { AuthCard } from "@/components/auth/AuthCard";
import { AcceptInviteButton } from "@/components/workspaces/AcceptInviteButton";
import { Alert } from "@/components/ui/Alert";
import { getDb } from "@/lib/db";
import { previewInvite } from "@/lib/workspaces/acceptInvite";

export const metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const actor = await requireActor(`/invite/${token}`);
  const invite = await previewInvite(getDb(), { token }).catch(() => null);
  if (!invite) {
    return (
      <AuthCard title="Invitation not found">
        <Alert>This invite link was used, revoked or has expired. Ask for a new one.</Alert>
        <Link prefetch={false} href="/" className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:underline">Go to your workspaces</Link>
      </AuthCard>
    );
  }
  const forMe = invite.email === actor.email.toLowerCase();
  return (
    <AuthCard title={`Join ${invite.workspaceName}`} subtitle={`${invite.invitedBy} invited ${invite.email} as ${invite.role}.`}>
      {forMe ? (
        <AcceptInviteButton token={token} />
      ) : (
        <Alert>
          You are signed in as {actor.email}. Sign out and sign in as {invite.email} to accept this invite.
        </Alert>
      )}
    </AuthCard>
  );
}
