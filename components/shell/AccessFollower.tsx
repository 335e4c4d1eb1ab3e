"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";

/** The document page follows access on its collaboration socket instead. */
const DOCUMENT_PAGE = /^\/w\/[^/]+\/d\/[^/]+/;

/**
 * Keeps a signed-in page in step with access changes made elsewhere: when this session is
 * signed out (here, on another device, by a password change) the page goes to sign in;
 * when the person's role or membership, or a document of their workspace, changes, the
 * page renders again from the server, which applies the policy anew.
 */
export function AccessFollower() {
  const router = useRouter();
  const pathname = usePathname();
  const onDocumentPage = DOCUMENT_PAGE.test(pathname);
  useEffect(() => {
    if (onDocumentPage || typeof EventSource === "undefined") return;
    const events = new EventSource("/api/me/access-events");
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
