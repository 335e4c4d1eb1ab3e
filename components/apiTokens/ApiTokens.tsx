"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import type { ApiTokenDto } from "@/lib/apiTokens/present";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import { CreateTokenForm } from "./CreateTokenForm";

function day(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: "medium" });
}

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** `document.markdown_applied` → "document markdown applied"; the token's own entries in words. */
function activityWords(kind: string): string {
  const own: Record<string, string> = { "apiToken.created": "created", "apiToken.firstUsed": "first used", "apiToken.revoked": "revoked" };
  return own[kind] ?? kind.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[._]/g, " ").toLowerCase();
}

/** A token's latest entries of one kind, folded away, each with its time: nothing when there are none. */
function Recent<T extends { at: string }>({ title, token, items, children }: { title: string; token: string; items: T[]; children: (item: T) => ReactNode }) {
  if (!items.length) return null;
  return (
    <details className="mt-1 text-xs text-slate-600">
      <summary className="cursor-pointer text-slate-700">{title} ({items.length})</summary>
      <ul aria-label={`${title} of ${token}`} className="mt-1 space-y-0.5">
        {items.map((item, i) => (
          <li key={`${item.at}-${i}`}>
            <time dateTime={item.at}>{when(item.at)}</time> · {children(item)}
          </li>
        ))}
      </ul>
    </details>
  );
}

const STATUS_CLASS: Record<ApiTokenDto["status"], string> = {
  active: "bg-emerald-50 text-emerald-800",
  expired: "bg-amber-50 text-amber-800",
  revoked: "bg-slate-100 text-slate-700",
};

/**
 * API tokens with their scope, dates and last use, each live one with "Revoke", and the form
 * for a new one. `endpoint` is the collection they live in (/api/me/tokens or a workspace's);
 * `activityLog`, the workspace's activity log page, links each token to its whole activity there.
 */
export function ApiTokens({ tokens, endpoint, showCreator = false, activityLog }: { tokens: ApiTokenDto[]; endpoint: string; showCreator?: boolean; activityLog?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();

  async function revoke(token: ApiTokenDto) {
    if (!window.confirm(`Revoke “${token.name}”? Scripts using it stop working at once.`)) return;
    setError(undefined);
    const res = await callApi(`${endpoint}/${token.id}`, { method: "DELETE" });
    if (!res.ok) return setError(res.error.error);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <CreateTokenForm endpoint={endpoint} />
      {error ? <Alert>{error}</Alert> : null}
      {tokens.length ? (
        <ul aria-label="API tokens" className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
          {tokens.map((t) => (
            <li key={t.id} className="flex items-center gap-4 px-4 py-3 text-sm">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">
                  {t.name}
                  <span className="ml-2 font-mono text-xs text-slate-500">{t.prefix}…</span>
                  <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-800">{t.scope}</span>
                  <span className={`ml-2 rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_CLASS[t.status]}`}>{t.status}</span>
                </p>
                <p className="text-slate-600">
                  {showCreator ? `by ${t.createdBy} · ` : ""}created {day(t.createdAt)} · {t.status === "revoked" && t.revokedAt ? `revoked ${day(t.revokedAt)}` : `expires ${day(t.expiresAt)}`} ·{" "}
                  {t.lastUsedAt ? `last used ${when(t.lastUsedAt)}` : "never used"}
                  {t.firstUsedAt ? ` (first ${when(t.firstUsedAt)})` : ""}
                </p>
                {t.status === "active" && t.makerRole === null ? (
                  <p className="text-amber-800">{t.createdBy} is no longer a member of the workspace: this token no longer works.</p>
                ) : t.status === "active" && t.makerRole && t.makerRole !== "owner" && t.makerRole !== "admin" ? (
                  <p className="text-amber-800">Acts as {t.createdBy}, now {t.makerRole === "editor" ? "an editor" : "a viewer"}: it can do no more than that role allows.</p>
                ) : null}
                <Recent title="Recent activity" token={t.name} items={t.recent}>
                  {(a) => activityWords(a.kind)}
                </Recent>
                {activityLog ? (
                  <Link prefetch={false} href={`${activityLog}?token=${encodeURIComponent(t.id)}`} className="mt-1 inline-block text-xs text-indigo-700 underline hover:text-indigo-900" aria-label={`All activity of ${t.name}`}>
                    All activity in the log
                  </Link>
                ) : null}
                <Recent title="Recent calls" token={t.name} items={t.calls}>
                  {(c) => (
                    <>
                      <span className="font-mono">{c.method} {c.route}</span> ·{" "}
                      <span className={c.status >= 400 ? "font-medium text-red-700" : "text-emerald-800"}>{c.status}</span>
                    </>
                  )}
                </Recent>
              </div>
              {t.status === "active" ? (
                <Button variant="secondary" onClick={() => revoke(t)} aria-label={`Revoke ${t.name}`}>
                  Revoke
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No tokens yet.</p>
      )}
    </div>
  );
}
