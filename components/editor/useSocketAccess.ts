"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import { parseNotice } from "@/lib/collab/socketNotices";

export interface SocketAccess {
  /** the server closed the document: this person can no longer see it */
  lost: boolean;
  /** whether the server takes this person's edits (the page's answer until the server speaks) */
  editable: boolean;
  /** the server made the document read-only for this person while it was open */
  demoted: boolean;
  /** the server takes only suggestions from this person (a viewer assigned as a reviewer) */
  suggestOnly: boolean;
}

/**
 * What the collaboration server says this person may do with the open document, live. Only
 * the server's own messages count (clients cannot relay stateless messages to each other).
 * On a lost access the socket is closed for good. A role change does not refresh the page:
 * a refresh that lands after a removal renders "not found" over the page and takes the
 * "copy your text" dialog with it; controls outside the editors follow the new role on the
 * next navigation, and the server refuses what the old role allowed meanwhile.
 */
export function useSocketAccess(provider: HocuspocusProvider | undefined, pageEditable: boolean, pageSuggestOnly = false): SocketAccess {
  const [lost, setLost] = useState(false);
  const [suggestOnly, setSuggestOnly] = useState(pageSuggestOnly);
  const [serverEditable, setServerEditable] = useState<boolean>();
  const [demoted, setDemoted] = useState(false);

  useEffect(() => {
    if (!provider) return;
    const lose = () => {
      setLost(true);
      // no reconnecting: the server would refuse it, and the local text stays for copying
      provider.configuration.websocketProvider.disconnect();
    };
    const onStateless = ({ payload }: { payload: string }) => {
      const notice = parseNotice(payload);
      if (notice?.type === "access-lost") lose();
      if (notice?.type === "read-only" || notice?.type === "writable" || notice?.type === "suggest-only") {
        setServerEditable(notice.type !== "read-only");
        setDemoted(notice.type === "read-only");
        setSuggestOnly(notice.type === "suggest-only");
      }
    };
    const onAuthenticated = ({ scope }: { scope: string }) => setServerEditable(scope !== "readonly");
    provider.on("stateless", onStateless);
    provider.on("authenticated", onAuthenticated);
    provider.on("authenticationFailed", lose);
    return () => {
      provider.off("stateless", onStateless);
      provider.off("authenticated", onAuthenticated);
      provider.off("authenticationFailed", lose);
    };
  }, [provider]);

  return { lost, editable: !lost && (serverEditable ?? pageEditable), demoted: demoted && !lost, suggestOnly: suggestOnly && !lost };
}
