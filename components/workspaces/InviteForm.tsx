"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Role } from "@/lib/access/roles";
import type { InviteDto } from "@/lib/workspaces/present";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { useApiForm } from "../ui/useApiForm";
import { CopyLink } from "./CopyLink";

/** `roles`: the roles the actor may invite as, from the server's policy. */
export function InviteForm({ slug, roles }: { slug: string; roles: Role[] }) {
  const router = useRouter();
  const [sent, setSent] = useState<{ invite: InviteDto; emailed: boolean }>();
  const { error, fields, pending, onSubmit } = useApiForm({
    send: (form) => {
      setSent(undefined);
      return callApi<{ invite: InviteDto; emailed: boolean }>(`/api/workspaces/${slug}/invites`, {
        method: "POST",
        body: { email: form.get("email"), role: form.get("role") },
      });
    },
    onSuccess: (data, form) => {
      setSent(data);
      form.reset();
      router.refresh();
    },
  });

  return (
    <section aria-labelledby="invite-heading" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="invite-heading" className="text-sm font-semibold">Invite someone</h2>
      <form onSubmit={onSubmit} className="mt-3 flex flex-wrap items-end gap-3" noValidate>
        <Field label="Email address" name="email" type="email" required className="min-w-64 flex-1" errors={fields.email} />
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium text-slate-700">Role</label>
          <select id="invite-role" name="role" defaultValue="editor" className="mt-1 block rounded-md border-0 py-2 pl-3 pr-8 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600">
            {roles.map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={pending}>{pending ? "Inviting…" : "Send invite"}</Button>
      </form>
      <div className="mt-3 space-y-2">
        {error ? <Alert>{error}</Alert> : null}
        {sent ? (
          <Alert tone="success">
            <p>
              Invited {sent.invite.email} as {sent.invite.role}.{" "}
              {sent.emailed ? "We emailed them the link." : "Mail is not configured, so send them this link:"}
            </p>
            {sent.invite.path ? <CopyLink path={sent.invite.path} label={`Invite link for ${sent.invite.email}`} /> : null}
          </Alert>
        ) : null}
      </div>
    </section>
  );
}
