"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { InviteDto } from "@/lib/workspaces/present";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";

export function InviteList({ slug, invites, canRevoke }: { slug: string; invites: InviteDto[]; canRevoke: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string>();

  async function revoke(invite: InviteDto) {
    const res = await callApi(`/api/workspaces/${slug}/invites/${invite.id}`, { method: "DELETE" });
    if (!res.ok) return setError(res.error.error);
    router.refresh();
  }

  return (
    <section aria-labelledby="invites-heading" className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <h2 id="invites-heading" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold">Pending invites</h2>
      {error ? <div className="p-4"><Alert>{error}</Alert></div> : null}
      <ul className="divide-y divide-slate-100">
        {invites.map((i) => (
          <li key={i.id} className="px-4 py-3 text-sm">
            <div className="flex items-center justify-between gap-4">
              <div>
                <span className="font-medium">{i.email}</span> <span className="text-slate-500">as {i.role}, invited by {i.invitedBy}</span>
              </div>
              {canRevoke ? <Button variant="ghost" onClick={() => revoke(i)} aria-label={`Revoke invite for ${i.email}`}>Revoke</Button> : null}
            </div>
            <p className="mt-1 text-xs text-slate-500">Expires {new Date(i.expiresAt).toLocaleDateString()}. The link was shown when the invite was sent; invite the address again for a new one.</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
