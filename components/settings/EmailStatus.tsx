"use client";

import { useState } from "react";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";

interface Props {
  email: string;
  verified: boolean;
  /** the server can send mail */
  mail: boolean;
}

/** The account's address, whether it is confirmed, and how to confirm it. */
export function EmailStatus({ email, verified, mail }: Props) {
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string }>();

  async function resend() {
    const res = await callApi("/api/me/verification", { method: "POST", body: {} });
    setNotice(res.ok ? { tone: "success", text: `We sent a link to ${email}.` } : { tone: "error", text: res.error.error });
  }

  return (
    <div className="space-y-3 text-sm">
      <p>
        <span className="font-medium text-slate-900">{email}</span>{" "}
        {verified ? <span className="text-emerald-800">(confirmed)</span> : <span className="text-amber-800">(not confirmed)</span>}
      </p>
      {!verified ? (
        mail ? (
          <Button variant="secondary" onClick={resend}>
            Send the confirmation link
          </Button>
        ) : (
          <p className="text-slate-600">This server sends no mail: an admin of one of your workspaces can confirm your address on its Members page.</p>
        )
      ) : null}
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
    </div>
  );
}
