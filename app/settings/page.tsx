import { oauthProviderList } from "@/app/_server/auth";
import { lastWorkspace } from "@/app/_server/lastWorkspace";
import { requireSignedIn } from "@/app/_server/session";
import { ApiTokens } from "@/components/apiTokens/ApiTokens";
import { ChangePasswordForm } from "@/components/settings/ChangePasswordForm";
import { ColorChoice } from "@/components/settings/ColorChoice";
import { EmailStatus } from "@/components/settings/EmailStatus";
import { LinkedAccounts } from "@/components/settings/LinkedAccounts";
import { SessionList } from "@/components/settings/SessionList";
import { AppHeader } from "@/components/shell/AppHeader";
import { Alert } from "@/components/ui/Alert";
import { listPersonalTokens } from "@/lib/apiTokens/listTokens";
import { listSessions } from "@/lib/auth/listSessions";
import { getDb } from "@/lib/db";
import { mailConfigured } from "@/lib/mail/sendMail";
import { unreadCount } from "@/lib/notifications/inbox";
import { listWorkspaces } from "@/lib/workspaces/listWorkspaces";

export const metadata = { title: "Settings" };

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id={id} className="text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

export default async function SettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, sessionId } = await requireSignedIn("/settings");
  const params = await searchParams;
  const db = getDb();
  const ctx = { actor, db };
  const [workspaces, unread, sessions, tokens, user] = await Promise.all([
    listWorkspaces(ctx),
    unreadCount(ctx),
    listSessions(ctx, sessionId),
    listPersonalTokens(ctx),
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, include: { accounts: { select: { provider: true } } }, omit: { passwordHash: false } }),
  ]);
  const linked = new Set(user.accounts.map((a) => a.provider));
  const providers = oauthProviderList().map((p) => ({ ...p, linked: linked.has(p.id) }));
  const linkedNow = typeof params.linked === "string" ? providers.find((p) => p.id === params.linked)?.name : undefined;
  return (
    <>
      <AppHeader user={actor} workspaces={workspaces} current={await lastWorkspace(workspaces)} unread={unread} />
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-8">
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        {linkedNow ? <Alert tone="success">{linkedNow} is now linked: you can sign in with it.</Alert> : null}
        {params.linkError ? <Alert>That account is already linked to another Specwright user.</Alert> : null}
        <Section id="email-heading" title="Email">
          <EmailStatus email={user.email} verified={user.emailVerifiedAt !== null} mail={mailConfigured()} />
        </Section>
        <Section id="color-heading" title="Your colour">
          <ColorChoice userId={actor.userId} initial={user.color} />
        </Section>
        <Section id="password-heading" title="Password">
          {user.passwordHash ? (
            <ChangePasswordForm />
          ) : (
            <p className="text-sm text-slate-600">You sign in with a provider. To add a password, use “Forgot your password?” on the sign-in page.</p>
          )}
        </Section>
        {providers.length ? (
          <Section id="providers-heading" title="Sign-in providers">
            <LinkedAccounts providers={providers} />
          </Section>
        ) : null}
        <Section id="sessions-heading" title="Where you are signed in">
          <SessionList sessions={sessions} />
        </Section>
        <Section id="tokens-heading" title="API tokens">
          <p className="text-sm text-slate-600">
            Scripts and CI call <code>/api</code> with <code>Authorization: Bearer &lt;token&gt;</code>. A token acts as you, in your workspaces, and never
            beyond your role there; a read token only reads. Signing out does not end tokens: revoke them here.
          </p>
          <ApiTokens tokens={tokens} endpoint="/api/me/tokens" />
        </Section>
      </main>
    </>
  );
}
