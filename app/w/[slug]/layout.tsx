import { loadWorkspacePage } from "@/app/_server/workspacePage";
import { headers } from "next/headers";
import { holdPaletteKeysScript } from "@/components/palette/earlyKeys";
import { PaletteLauncher } from "@/components/palette/PaletteLauncher";
import { AppHeader } from "@/components/shell/AppHeader";
import { abilitiesFor } from "@/lib/access/policy";
import { getDb } from "@/lib/db";
import { unreadCount } from "@/lib/notifications/inbox";

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, workspaces, current, membership } = await loadWorkspacePage(slug, `/w/${slug}`);
  const unread = await unreadCount({ actor, db: getDb() });
  const can = abilitiesFor(membership);
  const palette = <PaletteLauncher slug={slug} can={{ createDocuments: can["document.create"], importDocuments: can["document.import"] }} />;
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <>
      {/* the palette's shortcut works from first paint, before the page's code has loaded */}
      <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: holdPaletteKeysScript() }} />
      <AppHeader user={actor} workspaces={workspaces} current={current} unread={unread} palette={palette} />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
