"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/** The document page follows access on its collaboration socket instead. */
const DOCUMENT_PAGE = /^\/w\/[^/]+\/d\/[^/]+/;

/**
 * Keeps a signed-in page in step with access changes made elsewhere: when this session is
 * signed out (here, on another device, by a password change) the page goes to sign in;
 * when the person's role or membership, or a document of their workspace, changes, the
 * page renders again from the server, which applies the policy anew.
 *
 * `drawnFrom` is the server's clock when it began drawing the page, before it read anything:
 * the stream opens only after hydration, and the changes made in between are replayed
 * rather than lost.
 */
export function AccessFollower({ drawnFrom }: { drawnFrom: number | undefined }) {
  const router = useRouter();
  const pathname = usePathname();
  const onDocumentPage = DOCUMENT_PAGE.test(pathname);
  // read when the stream opens; a re-render from the server does not reopen it
  const latestDrawnFrom = useRef(drawnFrom);
  useEffect(() => {
    latestDrawnFrom.current = drawnFrom;
  }, [drawnFrom]);
  useEffect(() => {
    if (onDocumentPage || typeof EventSource === "undefined") return;
    const since = latestDrawnFrom.current;
    const events = new EventSource(since === undefined ? "/api/me/access-events" : `/api/me/access-events?since=${since}`);
    events.addEventListener("access", (event) => {
      if ((event as MessageEvent<string>).data === "signedOut") {
        events.close();
        router.replace(`/signin?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
      } else {
        router.refresh();
      }
    });
    return () => events.close();
  }, [onDocumentPage, router]);
  return null;
}
