"use client";

import { useState } from "react";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";

interface Props {
  providers: { id: string; name: string; linked: boolean }[];
}

/** The configured sign-in providers, each linked to this account or with a "Link" button. */
export function LinkedAccounts({ providers }: Props) {
  const [error, setError] = useState<string>();

  async function link(provider: { id: string; name: string }) {
    setError(undefined);
    const res = await callApi("/api/me/links", { method: "POST", body: { provider: provider.id } });
    if (!res.ok) return setError(res.error.error);
    const { signIn } = await import("next-auth/react");
    await signIn(provider.id, { callbackUrl: "/settings" });
  }

  return (
    <div className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
        {providers.map((p) => (
          <li key={p.id} className="flex items-center justify-between px-4 py-3 text-sm">
            <span className="font-medium text-slate-900">{p.name}</span>
            {p.linked ? (
              <span className="text-emerald-800">Linked</span>
            ) : (
              <Button variant="secondary" onClick={() => link(p)} aria-label={`Link ${p.name}`}>
                Link
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
