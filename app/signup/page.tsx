import Link from "next/link";
import { redirect } from "next/navigation";
import { getActor } from "@/app/_server/session";
import { AuthCard } from "@/components/auth/AuthCard";
import { SignUpForm } from "@/components/auth/SignUpForm";
import { Alert } from "@/components/ui/Alert";
import { SIGN_UP_BY_INVITE, signUpByInviteOnly } from "@/lib/auth/signUpMode";
import { getDb } from "@/lib/db";
import { previewInvite, type InvitePreview } from "@/lib/workspaces/acceptInvite";

export const metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.invite === "string" ? params.invite : undefined;
  if (await getActor()) redirect(token ? `/invite/${encodeURIComponent(token)}` : "/");
  let invite: InvitePreview | null = null;
  if (token) invite = await previewInvite(getDb(), { token }).catch(() => null);
  const byInvite = await signUpByInviteOnly(getDb());
  return (
    <AuthCard
      title={invite ? `Join ${invite.workspaceName}` : "Create your account"}
      subtitle={
        <>
          Already have an account?{" "}
          <Link prefetch={false} className="font-medium text-indigo-700 hover:underline" href={token ? `/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}` : "/signin"}>
            Sign in
          </Link>
        </>
      }
    >
      {token && !invite ? (
        <div className="mb-4">
          <Alert>{byInvite ? "This invite link is no longer valid." : "This invite link is no longer valid. You can still create an account with a workspace of your own."}</Alert>
        </div>
      ) : null}
      {invite ? (
        <p className="mb-4 text-sm text-slate-600">
          {invite.invitedBy} invited you as <strong>{invite.role}</strong>.
        </p>
      ) : null}
      {invite || !byInvite ? (
        <SignUpForm invite={invite && token ? { token, email: invite.email } : undefined} />
      ) : (
        <Alert tone="info">{SIGN_UP_BY_INVITE}</Alert>
      )}
    </AuthCard>
  );
}
