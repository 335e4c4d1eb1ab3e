"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { CreatedToken } from "@/lib/apiTokens/createToken";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/access/scopes";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { useApiForm } from "../ui/useApiForm";

const SCOPE_LABELS: Record<TokenScope, string> = {
  read: "Read: only reads",
  write: "Write: reads and edits, within the role",
  admin: "Admin: everything the role allows",
};
const LIFETIMES = [7, 30, 90, 365];

const selectClass = "mt-1 block rounded-md border-0 py-2 pl-3 pr-8 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";

/** Names, scopes and dates a new token, then shows its secret this once. */
export function CreateTokenForm({ endpoint }: { endpoint: string }) {
  const router = useRouter();
  const id = useId();
  const [created, setCreated] = useState<CreatedToken>();
  const [copied, setCopied] = useState(false);
  const { error, fields, pending, onSubmit } = useApiForm<CreatedToken>({
    send: (form) => {
      setCreated(undefined);
      setCopied(false);
      return callApi(endpoint, { method: "POST", body: { name: form.get("name"), scope: form.get("scope"), expiresInDays: Number(form.get("expiresInDays")) } });
    },
    onSuccess: (data, form) => {
      setCreated(data);
      form.reset();
      router.refresh();
    },
  });

  return (
    <div className="space-y-3">
      <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-3" noValidate aria-label="New API token">
        <Field label="Token name" name="name" required maxLength={80} className="min-w-56 flex-1" errors={fields.name} hint="What uses it, e.g. “CI docs check”." />
        <div>
          <label htmlFor={`${id}-scope`} className="block text-sm font-medium text-slate-700">Scope</label>
          <select id={`${id}-scope`} name="scope" defaultValue="read" className={selectClass}>
            {TOKEN_SCOPES.map((s) => (
              <option key={s} value={s}>{SCOPE_LABELS[s]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-expiry`} className="block text-sm font-medium text-slate-700">Expires after</label>
          <select id={`${id}-expiry`} name="expiresInDays" defaultValue="30" className={selectClass}>
            {LIFETIMES.map((d) => (
              <option key={d} value={d}>{d} days</option>
            ))}
          </select>
        </div>
        {/* level with the fields, below their labels: the name's hint under it leaves the row's foot lower */}
        <div className="mt-6">
          <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create token"}</Button>
        </div>
      </form>
      {error ? <Alert>{error}</Alert> : null}
      {created ? (
        <Alert tone="success">
          <p>
            Token “{created.token.name}” created. Copy it now: it is shown only this once. Send it as <code>Authorization: Bearer …</code>.
          </p>
          <div className="mt-2 flex items-center gap-2">
            <input aria-label="New token" readOnly value={created.secret} className="w-full rounded-md border-0 bg-white px-2 py-1 font-mono text-xs text-slate-800 ring-1 ring-inset ring-slate-300" onFocus={(e) => e.target.select()} />
            <Button
              variant="secondary"
              type="button"
              onClick={async () => {
                await navigator.clipboard?.writeText(created.secret).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </Alert>
      ) : null}
    </div>
  );
}
