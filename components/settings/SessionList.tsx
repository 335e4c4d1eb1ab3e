"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { SessionDto } from "@/lib/auth/listSessions";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

async function leave() {
  const { signOut } = await import("next-auth/react");
  await signOut({ callbackUrl: "/signin" });
}

/** The signed-in person's sessions, each with "Sign out", and "Sign out everywhere". */
export function SessionList({ sessions }: { sessions: SessionDto[] }) {
  const router = useRouter();
  const [error, setError] = useState<string>();

  async function end(session: SessionDto) {
    setError(undefined);
    const res = await callApi(`/api/me/sessions/${session.id}`, { method: "DELETE" });
    if (!res.ok) return setError(res.error.error);
    if (session.current) await leave();
    else router.refresh();
  }

  async function endAll() {
    if (!window.confirm("Sign out on every device, this one included?")) return;
    setError(undefined);
    const res = await callApi("/api/me/sessions", { method: "DELETE" });
    if (!res.ok) return setError(res.error.error);
    await leave();
  }

  return (
    <div className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
        {sessions.map((s) => (
          <li key={s.id} className="flex items-center gap-4 px-4 py-3 text-sm">
            <div className="min-w-0 flex-1">
              <p className="font-medium text-slate-900">
                {s.device}
                {s.current ? <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-800">This device</span> : null}
              </p>
              <p className="text-slate-600">
                {s.ip || "Unknown address"} · signed in {when(s.signedInAt)} · last seen {when(s.lastSeenAt)}
              </p>
            </div>
            <Button variant="secondary" onClick={() => end(s)} aria-label={`Sign out ${s.device}${s.current ? " (this device)" : ""}`}>
              Sign out
            </Button>
          </li>
        ))}
      </ul>
      <Button variant="danger" onClick={endAll}>
        Sign out everywhere
      </Button>
    </div>
  );
}
