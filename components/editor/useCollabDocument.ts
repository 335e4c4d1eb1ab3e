"use client";

import { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { SectionAwarenessHub } from "@/lib/collab/sectionAwareness";
import { ORDER, SECTIONS, sectionOrder } from "@/lib/collab/ydoc";

export type SaveState = "connecting" | "saving" | "saved" | "offline";

export interface SectionMeta {
  key: string;
  title: string;
  depth: number;
}

export interface CollabDocument {
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
  /** the awareness seen section by section, for each editor's carets */
  carets: SectionAwarenessHub;
}

/** Opens the document's Y.Doc over the app's /collab socket for as long as the page lives. */
export function useCollabDocument(documentId: string, user: { name: string; color: string }, initialState: string | null = null): CollabDocument | null {
  const [doc, setDoc] = useState<CollabDocument | null>(null);
  // only the state the page first came with: a later server render must not reopen the document
  const [firstState] = useState(initialState);
  useEffect(() => {
    const ydoc = new Y.Doc();
    // the stored state that came with the page: sections are editable before the socket syncs
    if (firstState) Y.applyUpdate(ydoc, Uint8Array.from(atob(firstState), (c) => c.charCodeAt(0)));
    // edits made offline survive a reload and sync when the socket is back
    const local = new IndexeddbPersistence(`specwright:${documentId}`, ydoc);
    const url = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab`;
    // the session cookie goes with the upgrade request; the token only satisfies the protocol
    const provider = new HocuspocusProvider({ url, name: documentId, document: ydoc, token: "session" });
    provider.setAwarenessField("user", user);
    const carets = new SectionAwarenessHub(provider.awareness!);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the socket is created and destroyed with the effect
    setDoc({ ydoc, provider, carets });
    return () => {
      carets.destroy();
      provider.destroy();
      void local.destroy();
      ydoc.destroy();
    };
  }, [documentId, user, firstState]);
  return doc;
}

function providerStore(provider: HocuspocusProvider | undefined) {
  const read = (): SaveState => {
    if (!provider) return "connecting";
    const connected = provider.configuration.websocketProvider.status === "connected" && provider.isSynced;
    if (!connected) return provider.isSynced ? "offline" : "connecting";
    return provider.hasUnsyncedChanges ? "saving" : "saved";
  };
  const events = ["status", "synced", "unsyncedChanges", "disconnect", "close"] as const;
  return {
    get: read,
    subscribe(onChange: () => void) {
      if (!provider) return () => {};
      events.forEach((e) => provider.on(e, onChange));
      provider.configuration.websocketProvider.on("status", onChange);
      return () => {
        events.forEach((e) => provider.off(e, onChange));
        provider.configuration.websocketProvider.off("status", onChange);
      };
    },
  };
}

/** Saving state for the header: offline, saving (unacknowledged changes) or saved. */
export function useSaveState(provider: HocuspocusProvider | undefined): SaveState {
  const store = useMemo(() => providerStore(provider), [provider]);
  return useSyncExternalStore(store.subscribe, store.get, () => "connecting");
}

function sectionStore(ydoc: Y.Doc | undefined) {
  let cache: { key: string; value: SectionMeta[] } = { key: "", value: [] };
  return {
    get(): SectionMeta[] {
      if (!ydoc) return cache.value;
      const sections = ydoc.getMap<Y.Map<string | number>>(SECTIONS);
      const value = sectionOrder(ydoc).map((key) => ({ key, title: String(sections.get(key)?.get("title") ?? ""), depth: Number(sections.get(key)?.get("depth") ?? 1) }));
      const k = JSON.stringify(value);
      if (k !== cache.key) cache = { key: k, value };
      return cache.value;
    },
    subscribe(onChange: () => void) {
      if (!ydoc) return () => {};
      const order = ydoc.getArray(ORDER);
      const sections = ydoc.getMap(SECTIONS);
      order.observe(onChange);
      sections.observeDeep(onChange);
      return () => {
        order.unobserve(onChange);
        sections.unobserveDeep(onChange);
      };
    },
  };
}

const NO_SECTIONS: SectionMeta[] = [];

/** The section list (order, titles, depths), re-read whenever it changes. */
export function useSections(ydoc: Y.Doc | undefined): SectionMeta[] {
  const store = useMemo(() => sectionStore(ydoc), [ydoc]);
  return useSyncExternalStore(store.subscribe, store.get, () => NO_SECTIONS);
}

export interface Peer {
  clientId: number;
  name: string;
  color: string;
}

function awarenessStore(provider: HocuspocusProvider | undefined) {
  let cache: { key: string; value: Peer[] } = { key: "", value: [] };
  return {
    get(): Peer[] {
      const awareness = provider?.awareness;
      if (!awareness) return cache.value;
      const value: Peer[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const user = (state as { user?: { name?: string; color?: string } }).user;
        if (user?.name && clientId !== awareness.clientID) value.push({ clientId, name: user.name, color: user.color ?? "#64748b" });
      });
      const key = JSON.stringify(value);
      if (key !== cache.key) cache = { key, value };
      return cache.value;
    },
    subscribe(onChange: () => void) {
      const awareness = provider?.awareness;
      awareness?.on("change", onChange);
      return () => awareness?.off("change", onChange);
    },
  };
}

const NO_PEERS: Peer[] = [];

/** Everyone else who has the document open right now. */
export function usePeers(provider: HocuspocusProvider | undefined): Peer[] {
  const store = useMemo(() => awarenessStore(provider), [provider]);
  return useSyncExternalStore(store.subscribe, store.get, () => NO_PEERS);
}
