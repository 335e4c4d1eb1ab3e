import { headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { parseEpochMs, REQUEST_START_HEADER } from "@/lib/http/requestStart";
import type { WorkspaceDto } from "@/lib/workspaces/present";
import { AccessFollower } from "./AccessFollower";
import { SignOutButton } from "./SignOutButton";
import { WorkspaceSwitcher } from "./WorkspaceSwitcher";

interface Props {
  user: { name: string; email: string };
  workspaces: WorkspaceDto[];
  current?: WorkspaceDto;
  unread?: number;
  /** the "Search or jump to…" button of a workspace's pages */
  palette?: ReactNode;
}

export async function AppHeader({ user, workspaces, current, unread = 0, palette }: Props) {
  const drawnFrom = parseEpochMs((await headers()).get(REQUEST_START_HEADER));
  return (
    <header className="border-b border-slate-200 bg-white">
      <AccessFollower drawnFrom={drawnFrom} />
      {/* wraps rather than scrolling sideways: on a phone the workspace's pages and the
          person's links take rows of their own */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link prefetch={false} href="/" className="text-base font-semibold tracking-tight text-indigo-700">
          Specwright
        </Link>
        {current ? <WorkspaceSwitcher workspaces={workspaces} current={current.slug} /> : null}
        {current ? (
          <nav aria-label="Workspace" className="flex flex-wrap items-center gap-1 text-sm">
            <Link prefetch={false} className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100" href={`/w/${current.slug}`}>
              Documents
            </Link>
            <Link prefetch={false} className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100" href={`/w/${current.slug}/templates`}>
              Templates
            </Link>
            <Link prefetch={false} className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100" href={`/w/${current.slug}/members`}>
              Members
            </Link>
          </nav>
        ) : null}
        <div className="ml-auto flex items-center gap-3 whitespace-nowrap text-sm">
          {palette}
          <Link prefetch={false} href="/inbox" className="relative rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
            Inbox
            {/* the name reads "Inbox 3 unread": it starts with what is on screen */}
            {unread ? " " : null}
            {unread ? <span className="rounded-full bg-indigo-600 px-1.5 py-0.5 text-xs font-semibold text-white">{unread}<span className="sr-only"> unread</span></span> : null}
          </Link>
          {/* beside the search button only on a wide screen: with it, the name wrapped the header at 1280 px */}
          <span className={`hidden text-slate-600 ${palette ? "2xl:inline" : "sm:inline"}`} title={user.email}>
            {user.name}
          </span>
          <Link prefetch={false} href="/settings" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
            Settings
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
