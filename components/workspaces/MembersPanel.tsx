"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Role } from "@/lib/access/roles";
import type { MembersAbilities } from "@/lib/workspaces/memberAbilities";
import type { InviteDto, MemberDto } from "@/lib/workspaces/present";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";
import { InviteForm } from "./InviteForm";
import { InviteList } from "./InviteList";

interface Props {
  slug: string;
  me: { userId: string };
  members: MemberDto[];
  invites: InviteDto[];
  /** computed on the server by the policy */
  abilities: MembersAbilities;
}

export function MembersPanel({ slug, me, members, invites, abilities }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  async function change(member: MemberDto, role: Role) {
    setError(undefined);
    const res = await callApi(`/api/workspaces/${slug}/members/${member.userId}`, { method: "PATCH", body: { role } });
    if (!res.ok) return setError(res.error.error);
    setNotice(`${member.name} is now ${role}.`);
    router.refresh();
  }

  async function confirmEmail(member: MemberDto) {
    if (!window.confirm(`Confirm that ${member.email} is ${member.name}'s address? They can then link sign-in providers with that address.`)) return;
    setError(undefined);
    const res = await callApi(`/api/workspaces/${slug}/members/${member.userId}/email-confirmation`, { method: "POST", body: {} });
    if (!res.ok) return setError(res.error.error);
    setNotice(`${member.email} is confirmed.`);
    router.refresh();
  }

  async function remove(member: MemberDto) {
    const self = member.userId === me.userId;
    if (!window.confirm(self ? "Leave this workspace?" : `Remove ${member.name} from this workspace?`)) return;
    setError(undefined);
    const res = await callApi(`/api/workspaces/${slug}/members/${member.userId}`, { method: "DELETE" });
    if (!res.ok) return setError(res.error.error);
    if (self) router.push("/");
    else {
      setNotice(`${member.name} was removed.`);
      router.refresh();
    }
  }

  return (
    <div className="space-y-8">
      {error ? <Alert>{error}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {abilities.invitableRoles.length ? <InviteForm slug={slug} roles={abilities.invitableRoles} /> : null}
      <section aria-labelledby="members-heading" className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <h2 id="members-heading" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold">
          {members.length} {members.length === 1 ? "member" : "members"}
        </h2>
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Name</th>
              <th scope="col" className="px-4 py-2 font-medium">Email</th>
              <th scope="col" className="px-4 py-2 font-medium">Role</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((m) => {
              const grantable = abilities.members[m.userId]?.grantableRoles ?? [m.role];
              return (
                <tr key={m.userId}>
                  <td className="px-4 py-2 font-medium text-slate-900">
                    {m.name}
                    {m.userId === me.userId ? <span className="ml-2 text-xs font-normal text-slate-500">(you)</span> : null}
                  </td>
                  <td className="px-4 py-2 text-slate-600">
                    {m.email}
                    {!m.emailVerified ? <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-800">not confirmed</span> : null}
                    {!m.emailVerified && abilities.members[m.userId]?.canConfirmEmail ? (
                      <Button variant="ghost" className="ml-1" onClick={() => confirmEmail(m)} aria-label={`Confirm email of ${m.name}`}>
                        Confirm
                      </Button>
                    ) : null}
                  </td>
                  <td className="px-4 py-2">
                    {grantable.length > 1 ? (
                      <select
                        aria-label={`Role of ${m.name}`}
                        className="rounded-md border-0 py-1 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
                        value={m.role}
                        onChange={(e) => change(m, e.target.value as Role)}
                      >
                        {grantable.map((r) => (
                          <option key={r} value={r}>{r}</option>
                        ))}
                      </select>
                    ) : (
                      <span className="capitalize text-slate-700">{m.role}</span>
                    )}
                  </td>
                  <td className="px-4 py-2 text-right">
                    {abilities.members[m.userId]?.canRemove ? (
                      <Button variant="danger" onClick={() => remove(m)} aria-label={m.userId === me.userId ? "Leave workspace" : `Remove ${m.name}`}>
                        {m.userId === me.userId ? "Leave" : "Remove"}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {invites.length ? <InviteList slug={slug} invites={invites} canRevoke={abilities.canRevokeInvites} /> : null}
    </div>
  );
}
