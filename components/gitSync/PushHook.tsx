"use client";

import { useState } from "react";
import type { HookSecretDto } from "@/lib/gitSync/hook";
import type { GitConnectionDto } from "@/lib/gitSync/present";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";

/**
 * A connection's push hook: makes (or replaces) its secret and shows it once with the URL to
 * give the Git host, so a push is synced within seconds instead of at the next poll.
 */
export function PushHook({ slug, connection: c }: { slug: string; connection: GitConnectionDto }) {
  const [shown, setShown] = useState<HookSecretDto & { url: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function roll() {
    setBusy(true);
    const res = await callApi<HookSecretDto>(`/api/workspaces/${slug}/git-sync/${c.id}/hook-secret`, { method: "POST", body: {} });
    setBusy(false);
    if (!res.ok) return setError(res.error.error);
    setError(undefined);
    setShown({ ...res.data, url: `${window.location.origin}${res.data.path}` });
  }

  const configured = c.hook.configured || shown !== undefined;
  return (
    <div className="mt-2 text-xs text-slate-600">
      <div className="flex flex-wrap items-center gap-2">
        <span>
          Push hook: {configured ? `set up${c.hook.lastAt ? `, last push ${new Date(c.hook.lastAt).toLocaleString()}` : ", no push received yet"}` : "not set up (pushes are picked up at the next poll)"}
        </span>
        <Button variant="ghost" onClick={roll} disabled={busy} aria-label={`${configured ? "New push hook secret" : "Set up a push hook"} for ${c.repoUrl}`}>
          {configured ? "New hook secret" : "Set up push hook"}
        </Button>
      </div>
      {error ? <div className="mt-2"><Alert>{error}</Alert></div> : null}
      {shown ? (
        <div className="mt-2">
          <Alert tone="success">
            <p>Add a webhook for push events in the repository&apos;s settings with this URL and secret. The secret is shown only now; an earlier one no longer works.</p>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
              <dt>Payload URL</dt>
              <dd><code aria-label="Hook URL" className="break-all font-mono">{shown.url}</code></dd>
              <dt>Secret</dt>
              <dd><code aria-label="Hook secret" className="break-all font-mono">{shown.secret}</code></dd>
            </dl>
            <p className="mt-1">GitHub: content type application/json (or form), the secret as &ldquo;Secret&rdquo;. GitLab: the secret as &ldquo;Secret token&rdquo;, trigger &ldquo;Push events&rdquo;.</p>
          </Alert>
        </div>
      ) : null}
    </div>
  );
}
