"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { WebhookDto } from "@/lib/webhooks/present";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import { Disclosure } from "../ui/Disclosure";
import { DeliveryList } from "./DeliveryList";
import { WebhookForm } from "./WebhookForm";

/** One endpoint: what it listens to, edit, enable or disable, delete, and its deliveries. */
function WebhookItem({ slug, hook }: { slug: string; hook: WebhookDto }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const [secret, setSecret] = useState<string>();
  const base = `/api/workspaces/${slug}/webhooks/${hook.id}`;

  async function change(body: { enabled: boolean } | null) {
    const res = body ? await callApi(base, { method: "PATCH", body }) : await callApi(base, { method: "DELETE" });
    if (!res.ok) return setError(res.error.error);
    setError(undefined);
    router.refresh();
  }

  async function roll() {
    const res = await callApi<WebhookDto & { secret: string }>(`${base}/secret`, { method: "POST", body: {} });
    if (!res.ok) return setError(res.error.error);
    setError(undefined);
    setSecret(res.data.secret);
  }

  return (
    <li aria-label={`Webhook ${hook.url}`} className="px-4 py-3 text-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="break-all font-medium">{hook.url}</p>
          {hook.description ? <p className="text-slate-600">{hook.description}</p> : null}
          <p className="mt-1 text-xs text-slate-500">
            {hook.enabled ? "Enabled" : "Disabled"}
            {hook.slack ? " · Slack payload" : ""} · {hook.events.join(", ")}
            {hook.createdBy ? ` · registered by ${hook.createdBy.name}` : ""}
          </p>
          {hook.createdBy && !hook.createdBy.member ? (
            <p className="mt-1 text-xs text-amber-800">{hook.createdBy.name} is no longer a member of the workspace; the endpoint is the workspace&apos;s and keeps delivering.</p>
          ) : null}
        </div>
        <div className="flex gap-1">
          <Button variant="ghost" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>Edit</Button>
          <Button variant="ghost" onClick={() => change({ enabled: !hook.enabled })}>{hook.enabled ? "Disable" : "Enable"}</Button>
          <Button variant="ghost" onClick={roll}>New secret</Button>
          <Button variant="danger" onClick={() => change(null)} aria-label={`Delete webhook ${hook.url}`}>Delete</Button>
        </div>
      </div>
      {error ? <div className="mt-2"><Alert>{error}</Alert></div> : null}
      {secret ? (
        <div className="mt-2">
          <Alert tone="success">
            <p>New signing secret, shown only now; deliveries are signed with it from now on:</p>
            <code aria-label="Signing secret" className="mt-1 block break-all font-mono">{secret}</code>
          </Alert>
        </div>
      ) : null}
      {editing ? (
        <div className="mt-3 rounded-md bg-slate-50 p-3">
          <WebhookForm
            initial={hook}
            submitLabel="Save webhook"
            send={(values) => callApi<WebhookDto>(base, { method: "PATCH", body: values })}
            onSaved={() => {
              setEditing(false);
              router.refresh();
            }}
          />
        </div>
      ) : null}
      <Disclosure summary="Recent deliveries" className="mt-2">
        <DeliveryList slug={slug} webhookId={hook.id} />
      </Disclosure>
    </li>
  );
}

/** The workspace's webhooks: register one (its secret is shown once), then manage each. */
export function WebhooksPanel({ slug, webhooks }: { slug: string; webhooks: WebhookDto[] }) {
  const router = useRouter();
  const [created, setCreated] = useState<{ url: string; secret: string }>();
  return (
    <div className="space-y-6">
      <section aria-labelledby="new-webhook-heading" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="new-webhook-heading" className="mb-3 text-sm font-semibold">Add a webhook</h2>
        <WebhookForm
          submitLabel="Add webhook"
          send={(values) => callApi<WebhookDto & { secret: string }>(`/api/workspaces/${slug}/webhooks`, { method: "POST", body: values })}
          onSaved={(hook, form) => {
            setCreated({ url: hook.url, secret: hook.secret });
            form.reset();
            router.refresh();
          }}
        />
        {created ? (
          <div className="mt-3">
            <Alert tone="success">
              <p>Added {created.url}. Its signing secret is shown only now; keep it where the receiver can check signatures:</p>
              <code aria-label="Signing secret" className="mt-1 block break-all font-mono">{created.secret}</code>
            </Alert>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="webhooks-heading" className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <h2 id="webhooks-heading" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold">Webhooks</h2>
        {webhooks.length ? (
          <ul className="divide-y divide-slate-100">
            {webhooks.map((hook) => <WebhookItem key={hook.id} slug={slug} hook={hook} />)}
          </ul>
        ) : (
          <p className="px-4 py-3 text-sm text-slate-500">No webhooks yet.</p>
        )}
      </section>
    </div>
  );
}
