"use client";

import { useCallback, useState } from "react";
import type { DeliveryDto } from "@/lib/webhooks/present";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import { usePoll } from "../ui/usePoll";

const STATE_STYLE: Record<DeliveryDto["state"], string> = {
  delivered: "bg-emerald-50 text-emerald-800",
  pending: "bg-slate-100 text-slate-700",
  retrying: "bg-amber-50 text-amber-900",
  failed: "bg-red-50 text-red-800",
};

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : "—";
}

/** An endpoint's latest deliveries with the receiver's answers, asked for again every few seconds while shown. */
export function DeliveryList({ slug, webhookId }: { slug: string; webhookId: string }) {
  const [deliveries, setDeliveries] = useState<DeliveryDto[]>();
  const [error, setError] = useState<string>();
  const load = useCallback(async () => {
    const res = await callApi<DeliveryDto[]>(`/api/workspaces/${slug}/webhooks/${webhookId}/deliveries`);
    if (res.ok) {
      setDeliveries(res.data);
      setError(undefined);
    } else setError(res.error.error);
  }, [slug, webhookId]);
  usePoll(load, 3000);

  async function sendAgain(d: DeliveryDto) {
    const res = await callApi<DeliveryDto>(`/api/workspaces/${slug}/webhooks/${webhookId}/deliveries/${d.id}/redeliver`, { method: "POST", body: {} });
    if (!res.ok) return setError(res.error.error);
    await load();
  }

  if (error) return <Alert>{error}</Alert>;
  if (!deliveries) return <p className="mt-2 text-xs text-slate-500">Loading…</p>;
  if (!deliveries.length) return <p className="mt-2 text-sm text-slate-500">No deliveries yet. Events this endpoint listens to will show here.</p>;
  return (
    <ul aria-label="Deliveries" className="mt-2 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
      {deliveries.map((d) => (
        <li key={d.id} aria-label={`${d.event} ${d.state}`} className="px-3 py-2 text-sm">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <code className="font-medium">{d.event}</code>
            <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATE_STYLE[d.state]}`}>{d.state}</span>
            <span className="text-slate-600">{d.responseStatus === null ? "no answer" : `HTTP ${d.responseStatus}`}</span>
            <span className="text-slate-500">
              {d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}, last {when(d.lastAttemptAt)}
            </span>
            {d.nextAttemptAt ? <span className="text-slate-500">next try {when(d.nextAttemptAt)}</span> : null}
            {d.state === "delivered" || d.state === "failed" ? (
              <Button variant="ghost" className="ml-auto px-2 py-1 text-xs" onClick={() => sendAgain(d)} aria-label={`Send ${d.event} again`}>
                Send again
              </Button>
            ) : null}
          </div>
          {d.error ? <p className="mt-1 text-xs text-red-700">{d.error}</p> : null}
          {d.responseBody ? (
            <details className="mt-1 text-xs">
              <summary className="cursor-pointer text-slate-600">Response body</summary>
              <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2">{d.responseBody}</pre>
            </details>
          ) : null}
          <p className="mt-1 text-xs text-slate-400">Event id {d.eventId}</p>
        </li>
      ))}
    </ul>
  );
}
