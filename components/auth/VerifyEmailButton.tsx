"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";

type Result = { kind: "verified" | "signedUp"; email: string };

/**
 * Confirms an address from a mailed link. A click, not the page load, uses the link up, so
 * mail scanners that open links do not spend it.
 */
export function VerifyEmailButton({ token }: { token: string }) {
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<Result>();
  const [pending, setPending] = useState(false);

  async function confirm() {
    setPending(true);
    setError(undefined);
    const res = await callApi<Result>("/api/verify-email", { method: "POST", body: { token } });
    setPending(false);
    if (!res.ok) return setError(res.error.error);
    setResult(res.data);
  }

  if (result) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{result.kind === "signedUp" ? `Your account for ${result.email} is ready.` : `${result.email} is confirmed.`}</Alert>
        <Link prefetch={false} href={result.kind === "signedUp" ? "/signin" : "/"} className="inline-block text-sm font-medium text-indigo-700 hover:underline">
          {result.kind === "signedUp" ? "Sign in" : "Go to your workspaces"}
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      <Button className="w-full" onClick={confirm} disabled={pending}>
        {pending ? "Confirming…" : "Confirm my email"}
      </Button>
    </div>
  );
}
