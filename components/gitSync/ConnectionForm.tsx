"use client";

import { useState } from "react";
import type { GitConnectionDto } from "@/lib/gitSync/present";
import { Alert } from "../ui/Alert";
import type { ApiResult } from "../ui/api";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { useApiForm } from "../ui/useApiForm";

type Credential = { kind: "none" } | { kind: "token"; token: string; user: string } | { kind: "ssh"; privateKey: string };

export interface ConnectionValues {
  repoUrl: string;
  branch: string;
  path: string;
  scope: string;
  scopeValue: string;
  /** left out when editing and the admin did not enter a new one: the stored credential stays */
  credential?: Credential;
}

function credentialOf(form: FormData, editing: boolean): Credential | undefined {
  const kind = String(form.get("credentialKind") ?? "keep");
  if (kind === "token") return { kind, token: String(form.get("token") ?? ""), user: String(form.get("tokenUser") || "x-access-token") };
  if (kind === "ssh") return { kind, privateKey: String(form.get("privateKey") ?? "") };
  if (kind === "none") return { kind };
  return editing ? undefined : { kind: "none" };
}

function valuesOf(form: FormData, editing: boolean): ConnectionValues {
  const credential = credentialOf(form, editing);
  return {
    repoUrl: String(form.get("repoUrl") ?? ""),
    branch: String(form.get("branch") ?? ""),
    path: String(form.get("path") ?? ""),
    scope: String(form.get("scope") ?? "all"),
    scopeValue: String(form.get("scopeValue") ?? ""),
    ...(credential ? { credential } : {}),
  };
}

const SELECT = "mt-1 block w-full rounded-md border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600 sm:text-sm";

/** A connection's repository, branch, folder, documents and credential: for connecting (no `initial`) or editing one. */
export function ConnectionForm<T>({ initial, submitLabel, send, onSaved }: { initial?: GitConnectionDto; submitLabel: string; send: (values: ConnectionValues) => Promise<ApiResult<T>>; onSaved: (data: T, form: HTMLFormElement) => void }) {
  const editing = Boolean(initial);
  const [scope, setScope] = useState(initial?.scope ?? "all");
  const [kind, setKind] = useState(editing ? "keep" : "none");
  const { error, fields, pending, onSubmit } = useApiForm({
    send: (form) => send(valuesOf(form, editing)),
    onSuccess: (data: T, form: HTMLFormElement) => {
      // a saved credential is not shown again, nor is the field that held it
      setKind(editing ? "keep" : "none");
      onSaved(data, form);
    },
  });
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <Field label="Repository" name="repoUrl" required defaultValue={initial?.repoUrl} placeholder="https://github.com/acme/designs.git or git@github.com:acme/designs.git" errors={fields.repoUrl} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Branch" name="branch" defaultValue={initial?.branch ?? "main"} errors={fields.branch} />
        <Field label="Folder" name="path" defaultValue={initial?.path ?? ""} placeholder="docs/design" hint="Inside the repository; empty for its root" errors={fields.path} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label className="block text-sm font-medium text-slate-700">
            Documents
            <select name="scope" value={scope} onChange={(e) => setScope(e.target.value as GitConnectionDto["scope"])} className={SELECT}>
              <option value="all">All documents</option>
              <option value="template">Documents of one template</option>
              <option value="tag">Documents with a tag</option>
            </select>
          </label>
        </div>
        {scope !== "all" ? (
          <Field label={scope === "template" ? "Template key" : "Tag"} name="scopeValue" defaultValue={initial?.scopeValue} hint={scope === "tag" ? "As the front matter's tags list it" : "e.g. technical-design"} errors={fields.scopeValue} />
        ) : null}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Credential</legend>
        <p className="text-xs text-slate-500">Stored encrypted; never shown again. {initial ? `Now: ${initial.credentialKind === "none" ? "none" : initial.credentialKind === "token" ? "an HTTPS token" : "an SSH key"}.` : ""}</p>
        <select aria-label="Credential" name="credentialKind" value={kind} onChange={(e) => setKind(e.target.value)} className={SELECT}>
          {editing ? <option value="keep">Keep the stored credential</option> : null}
          <option value="none">None (a public repository)</option>
          <option value="token">HTTPS token</option>
          <option value="ssh">SSH private key</option>
        </select>
        {kind === "token" ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Token" name="token" type="password" autoComplete="off" errors={fields["credential.token"]} />
            <Field label="User name" name="tokenUser" defaultValue="x-access-token" hint="What the host expects beside a token" errors={fields["credential.user"]} />
          </div>
        ) : null}
        {kind === "ssh" ? (
          <label className="block text-sm font-medium text-slate-700">
            Private key
            <textarea name="privateKey" rows={5} autoComplete="off" spellCheck={false} className={`${SELECT} font-mono text-xs`} placeholder="-----BEGIN OPENSSH PRIVATE KEY-----" />
            {fields["credential.privateKey"] ? <span className="mt-1 block text-sm text-red-700">{fields["credential.privateKey"].join(" ")}</span> : null}
          </label>
        ) : null}
      </fieldset>
      {error ? <Alert>{error}</Alert> : null}
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : submitLabel}</Button>
    </form>
  );
}
