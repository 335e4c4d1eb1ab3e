"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { NotificationDto } from "@/lib/notifications/inbox";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";

export function InboxList({ items }: { items: NotificationDto[] }) {
  const router = useRouter();
  const read = async (body: { ids?: string[]; all?: boolean }) => {
    await callApi("/api/notifications/read", { method: "POST", body });
    router.refresh();
  };
  if (!items.length) return <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">Nothing here yet. Review requests, decisions and status changes will show up here.</p>;
  return (
    <div className="space-y-3">
      <Button variant="secondary" onClick={() => void read({ all: true })} disabled={items.every((n) => n.read)}>Mark all read</Button>
      <ul aria-label="Notifications" className="divide-y divide-slate-100 overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        {items.map((n) => (
          <li key={n.id} className={`flex items-start gap-3 px-4 py-3 text-sm ${n.read ? "text-slate-600" : "bg-indigo-50/40 font-medium text-slate-900"}`}>
            {!n.read ? <span aria-hidden="true" className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-indigo-600" /> : <span aria-hidden="true" className="mt-1.5 h-2 w-2 shrink-0" />}
            <Link prefetch={false} href={n.url} className="flex-1 hover:underline" onClick={() => void read({ ids: [n.id] })}>{n.text}</Link>
            <time dateTime={n.at} className="shrink-0 font-mono text-xs text-slate-500">{n.at.slice(0, 16).replace("T", " ")}</time>
          </li>
        ))}
      </ul>
    </div>
  );
}
