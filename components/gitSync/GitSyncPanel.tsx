"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { GitConnectionDto } from "@/lib/gitSync/present";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import { ConnectionForm } from "./ConnectionForm";
import { HostKey } from "./HostKey";
import { PushHook } from "./PushHook";

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : "never";
}

const SCOPE_WORDS = { all: "All documents", template: "Template", tag: "Tag" } as const;

/** One connection: where it writes, its sync status, and Sync now, edit, pause, disconnect. */
function ConnectionItem({ slug, connection: c }: { slug: string; connection: GitConnectionDto }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const base = `/api/workspaces/${slug}/git-sync/${c.id}`;

  async function act(request: () => ReturnType<typeof callApi>) {
    setBusy(true);
    const res = await request();
    setBusy(false);
    if (!res.ok) return setError(res.error.error);
    setError(undefined);
    router.refresh();
  }

  return (
    <li aria-label={`Repository ${c.repoUrl}`} className="px-4 py-3 text-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="break-all font-medium">{c.repoUrl}</p>
          <p className="text-slate-600">
            <code className="text-xs">{c.branch}</code> · folder <code className="text-xs">{c.path || "/"}</code> · {SCOPE_WORDS[c.scope]}
            {c.scope !== "all" ? ` “${c.scopeValue}”` : ""} · {c.files} document{c.files === 1 ? "" : "s"}
            {c.enabled ? "" : " · Paused"}
          </p>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs text-slate-600">
            <dt>Last sync</dt>
            <dd>{c.syncing ? "syncing now…" : when(c.lastSyncAt)}</dd>
            <dt>Last commit</dt>
            <dd><code>{c.lastCommitSha ? c.lastCommitSha.slice(0, 12) : "none"}</code></dd>
            {c.pending ? (<><dt>Waiting</dt><dd>{c.pending} to commit</dd></>) : null}
            {c.openConflicts ? (<><dt>Conflicts</dt><dd>{c.openConflicts} document{c.openConflicts === 1 ? "" : "s"} waiting for a choice</dd></>) : null}
            <HostKey connection={c} busy={busy} forget={() => act(() => callApi(`${base}/host-key`, { method: "DELETE" }))} />
          </dl>
          {c.lastError ? (
            <div className="mt-2">
              <Alert>
                <span className="font-medium">Last error</span> ({when(c.lastErrorAt)}): {c.lastError}
              </Alert>
            </div>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-1">
          <Button onClick={() => act(() => callApi(`${base}/sync`, { method: "POST", body: {} }))} disabled={busy || !c.enabled}>{busy ? "Syncing…" : "Sync now"}</Button>
          <Button variant="ghost" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>Edit</Button>
          <Button variant="ghost" onClick={() => act(() => callApi(base, { method: "PATCH", body: { enabled: !c.enabled } }))}>{c.enabled ? "Pause" : "Resume"}</Button>
          <Button variant="danger" onClick={() => act(() => callApi(base, { method: "DELETE" }))} aria-label={`Disconnect ${c.repoUrl}`}>Disconnect</Button>
        </div>
      </div>
      {error ? <div className="mt-2"><Alert>{error}</Alert></div> : null}
      <PushHook slug={slug} connection={c} />
      {editing ? (
        <div className="mt-3 rounded-md bg-slate-50 p-3">
          <ConnectionForm
            initial={c}
            submitLabel="Save connection"
            send={(values) => callApi<GitConnectionDto>(base, { method: "PATCH", body: values })}
            onSaved={() => {
              setEditing(false);
              router.refresh();
            }}
          />
        </div>
      ) : null}
    </li>
  );
}

/** The workspace's Git connections: connect one, then follow and manage each. */
export function GitSyncPanel({ slug, connections }: { slug: string; connections: GitConnectionDto[] }) {
  const router = useRouter();
  return (
    <div className="space-y-6">
      <section aria-labelledby="new-connection-heading" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="new-connection-heading" className="mb-3 text-sm font-semibold">Connect a repository</h2>
        <ConnectionForm
          submitLabel="Connect"
          send={(values) => callApi<GitConnectionDto>(`/api/workspaces/${slug}/git-sync`, { method: "POST", body: values })}
          onSaved={(_c, form) => {
            form.reset();
            router.refresh();
          }}
        />
      </section>
      <section aria-labelledby="connections-heading" className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <h2 id="connections-heading" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold">Repositories</h2>
        {connections.length ? (
          <ul className="divide-y divide-slate-100">
            {connections.map((c) => <ConnectionItem key={c.id} slug={slug} connection={c} />)}
          </ul>
        ) : (
          <p className="px-4 py-3 text-sm text-slate-500">No repository connected yet.</p>
        )}
      </section>
    </div>
  );
}
