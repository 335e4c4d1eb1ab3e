// apart from the actions: the header's button reads it on every page, the actions load with the palette
/** The open document in a workspace path (`/w/acme/d/abc123`, or its history), or null. */
export function documentIdOf(pathname: string): string | null {
  return /^\/w\/[^/]+\/d\/([^/?#]+)/.exec(pathname)?.[1] ?? null;
}
