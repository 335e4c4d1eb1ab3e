"use client";

import { useState } from "react";
import type { GitConnectionDto } from "@/lib/gitSync/present";
import { Button } from "../ui/Button";

const SMALL = "px-2 py-0.5 text-xs shadow-none";

/**
 * The SSH host key a connection trusts, as rows of the status list: its fingerprint, and
 * "Forget host key" (asked twice) for a host whose owners changed its key.
 */
export function HostKey({ connection: c, busy, forget }: { connection: GitConnectionDto; busy: boolean; forget: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  if (!c.overSsh && !c.hostKeys?.length) return null;
  const keys = c.hostKeys;
  return (
    <>
      <dt>Host key</dt>
      <dd className="flex flex-wrap items-center gap-x-2">
        {keys === null ? (
          "pinned before this version; shown after the next sync"
        ) : keys.length ? (
          <ul aria-label={`Host key of ${c.repoUrl}`}>
            {keys.map((k) => (
              <li key={`${k.host} ${k.fingerprint}`}>
                <code className="break-all">{k.fingerprint}</code> ({k.type}, {k.host})
              </li>
            ))}
          </ul>
        ) : (
          "none yet: the next sync trusts the key the host presents"
        )}
        {keys === null || keys.length ? (
          asking ? (
            <span role="group" aria-label="Forget the host key?" className="my-1 flex basis-full flex-wrap items-center gap-2 rounded-md bg-amber-50 px-2 py-1 text-amber-900 ring-1 ring-amber-200">
              <span>The next sync will trust whatever key the host presents, and keep it. Only do this if the host&apos;s owners changed its key.</span>
              <Button variant="danger" className={SMALL} disabled={busy} onClick={() => forget().then(() => setAsking(false))}>Forget</Button>
              <Button variant="ghost" className={SMALL} onClick={() => setAsking(false)}>Cancel</Button>
            </span>
          ) : (
            <Button variant="ghost" className={`${SMALL} text-indigo-700 underline`} onClick={() => setAsking(true)} aria-label={`Forget host key of ${c.repoUrl}`}>Forget host key</Button>
          )
        ) : null}
      </dd>
    </>
  );
}
