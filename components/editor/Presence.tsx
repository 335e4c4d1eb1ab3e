"use client";

import type { Peer } from "./useCollabDocument";

function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]!.toUpperCase()).join("");
}

/** Avatars of the other people on the document. */
export function Presence({ peers }: { peers: Peer[] }) {
  const unique = [...new Map(peers.map((p) => [p.name, p])).values()];
  if (!unique.length) return null;
  return (
    <ul aria-label="Also here" className="flex -space-x-1">
      {unique.map((p) => (
        <li key={p.clientId} title={p.name} aria-label={p.name} className="flex h-7 w-7 items-center justify-center rounded-full text-xs font-semibold text-white ring-2 ring-white" style={{ backgroundColor: p.color }}>
          <span aria-hidden="true">{initials(p.name)}</span>
        </li>
      ))}
    </ul>
  );
}
