"use client";

import { useRouter } from "next/navigation";
import type { WorkspaceDto } from "@/lib/workspaces/present";

const NEW = "__new__";

export function WorkspaceSwitcher({ workspaces, current }: { workspaces: WorkspaceDto[]; current: string }) {
  const router = useRouter();
  return (
    <select
      aria-label="Switch workspace"
      className="max-w-48 truncate rounded-md border-0 bg-slate-100 py-1.5 pl-2 pr-8 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-200 focus:ring-2 focus:ring-indigo-600"
      value={current}
      onChange={(e) => router.push(e.target.value === NEW ? "/workspaces/new" : `/w/${e.target.value}`)}
    >
      {workspaces.map((w) => (
        <option key={w.slug} value={w.slug}>
          {w.name}
        </option>
      ))}
      <option value={NEW}>+ New workspace…</option>
    </select>
  );
}
