import { loadWorkspacePage } from "@/app/_server/workspacePage";
import { AppHeader } from "@/components/shell/AppHeader";
import { getDb } from "@/lib/db";
import { unreadCount } from "@/lib/notifications/inbox";

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, workspaces, current } = await loadWorkspacePage(slug, `/w/${slug}`);
  const unread = await unreadCount({ actor, db: getDb() });
  return (
    <>
      <AppHeader user={actor} workspaces={workspaces} current={current} unread={unread} />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
