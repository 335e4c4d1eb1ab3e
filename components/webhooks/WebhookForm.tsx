"use client";

import { EVENT_TYPES, WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/webhooks/events";
import type { WebhookDto } from "@/lib/webhooks/present";
import { Alert } from "../ui/Alert";
import type { ApiResult } from "../ui/api";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { useApiForm } from "../ui/useApiForm";

export interface WebhookValues {
  url: string;
  description: string;
  events: WebhookEvent[];
  slack: boolean;
}

function valuesOf(form: FormData): WebhookValues {
  return {
    url: String(form.get("url") ?? ""),
    description: String(form.get("description") ?? ""),
    events: form.getAll("events").map(String) as WebhookEvent[],
    slack: form.get("slack") === "on",
  };
}

/** The fields of an endpoint, for registering one (no `initial`) or editing one. */
export function WebhookForm<T>({ initial, submitLabel, send, onSaved }: { initial?: WebhookDto; submitLabel: string; send: (values: WebhookValues) => Promise<ApiResult<T>>; onSaved: (data: T, form: HTMLFormElement) => void }) {
  const { error, fields, pending, onSubmit } = useApiForm({ send: (form) => send(valuesOf(form)), onSuccess: onSaved });
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <Field label="Payload URL" name="url" type="url" required defaultValue={initial?.url} placeholder="https://ci.example.com/hooks/specwright" errors={fields.url} />
      <Field label="Description" name="description" defaultValue={initial?.description} hint="What the endpoint is for, e.g. “CI docs check”" errors={fields.description} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Events</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="events" value={type} defaultChecked={initial ? initial.events.includes(type) : type === "document.approved"} className="mt-1" />
              <span>
                {WEBHOOK_EVENTS[type]} <code className="text-xs text-slate-500">{type}</code>
              </span>
            </label>
          ))}
        </div>
        {fields.events ? <p className="mt-1 text-sm text-red-700">{fields.events.join(" ")}</p> : null}
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="slack" defaultChecked={initial?.slack ?? false} />
        Slack-compatible payload (<code className="text-xs">{"{ text }"}</code>, for Slack or Mattermost incoming webhooks)
      </label>
      {error ? <Alert>{error}</Alert> : null}
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : submitLabel}</Button>
    </form>
  );
}
