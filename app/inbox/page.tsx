import { lastWorkspace } from "@/app/_server/lastWorkspace";
import { requireActor } from "@/app/_server/session";
import { InboxList } from "@/components/notifications/InboxList";
import { AppHeader } from "@/components/shell/AppHeader";
import { getDb } from "@/lib/db";
import { listNotifications } from "@/lib/notifications/inbox";
import { listWorkspaces } from "@/lib/workspaces/listWorkspaces";

export const metadata = { title: "Inbox" };

export default async function InboxPage() {
  const actor = await requireActor("/inbox");
  const ctx = { actor, db: getDb() };
  const [workspaces, inbox] = await Promise.all([listWorkspaces(ctx), listNotifications(ctx)]);
  return (
    <>
      <AppHeader user={actor} workspaces={workspaces} current={await lastWorkspace(workspaces)} unread={inbox.unread} />
      <main className="mx-auto max-w-3xl space-y-4 px-4 py-8">
        <h1 className="text-2xl font-semibold tracking-tight">Inbox</h1>
        <InboxList items={inbox.items} />
      </main>
    </>
  );
}
