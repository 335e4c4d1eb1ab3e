"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "../ui/Alert";
import { callApi } from "../ui/api";
import { Button } from "../ui/Button";

export function AcceptInviteButton({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <Button
        className="w-full"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const res = await callApi<{ slug: string }>(`/api/invites/${encodeURIComponent(token)}/accept`, { method: "POST" });
          if (res.ok) return router.push(`/w/${res.data.slug}`);
          setError(res.error.error);
          setPending(false);
        }}
      >
        {pending ? "Joining…" : "Accept invite"}
      </Button>
    </div>
  );
}
