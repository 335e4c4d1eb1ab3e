"use client";

import { fromBase64 } from "lib0/buffer";
import { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { SectionAwarenessHub } from "@/lib/collab/sectionAwareness";
import { applyStoreMessage, StoreAck, STORED_QUERY } from "@/lib/collab/storeAck";
import { announceDocumentChanged } from "./documentChanged";
import { ORDER, SECTIONS, sectionOrder } from "@/lib/collab/ydocLayout";
import { anyHeld, onHeldChange } from "./heldInput";

export type SaveState = "connecting" | "saving" | "saved" | "offline" | "not-saved";

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
  /** whether this client's changes are stored by the server (not merely received) */
  ack: StoreAck;
  /** how many times the document was opened again after a refused change (editors bind to each copy) */
  generation: number;
}

/**
 * What the page draws the document from: its Y.Doc and who is where in it. When the stored
 * state came with the page it is there at the first render, on the server too, so the page
 * is drawn once, as it will stay; the socket joins it later.
 */
export interface DocumentView {
  ydoc: Y.Doc;
  awareness: Awareness;
  /** the awareness seen section by section, for each editor's carets */
  carets: SectionAwarenessHub;
  /** how many times the document was opened again after a refused change (editors bind to each copy) */
  generation: number;
}

function openView(state: string | null, generation: number): DocumentView {
  const ydoc = new Y.Doc();
  // the stored state that came with the page: sections are drawn and editable before the socket syncs
  if (state) Y.applyUpdate(ydoc, fromBase64(state));
  const awareness = new Awareness(ydoc);
  // on the server the page is only drawn: nobody's caret comes, and no timer may outlive the request
  if (typeof window === "undefined") awareness.destroy();
  return { ydoc, awareness, carets: new SectionAwarenessHub(awareness), generation };
}

/** A document's socket and offline copy, opened for one view of it. */
interface Connection {
  doc: CollabDocument;
  /** called when the server refused a change of this copy (set once a mounted page takes the connection) */
  onRefused: () => void;
  /** whether the server refused a change before a mounted page took the connection */
  refused: boolean;
  close: () => void;
}

/** Opens `view`'s document over the app's /collab socket, with its offline copy in IndexedDB. */
function connect(documentId: string, view: DocumentView, user: { name: string; color: string }): Connection {
  const { ydoc, awareness, carets, generation } = view;
  // edits made offline survive a reload and sync when the socket is back
  const local = new IndexeddbPersistence(`specwright:${documentId}`, ydoc);
  // the document in the query lets a load balancer send its editors to one process (deploy/haproxy.cfg)
  const url = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab?doc=${encodeURIComponent(documentId)}`;
  // the session cookie goes with the upgrade request; the token only satisfies the protocol
  const provider = new HocuspocusProvider({ url, name: documentId, document: ydoc, awareness, token: "session" });
  provider.setAwarenessField("user", user);
  const ack = new StoreAck(ydoc, (origin) => origin === provider);
  const connection: Connection = {
    doc: { ydoc, provider, carets, ack, generation },
    onRefused: () => (connection.refused = true),
    refused: false,
    close: () => {
      open = false;
      clearInterval(poll);
      provider.off("stateless", onStateless);
      provider.off("synced", onSynced);
      ack.destroy();
      carets.destroy();
      provider.destroy();
      awareness.destroy();
      void local.destroy();
      ydoc.destroy();
    },
  };
  const onStateless = ({ payload }: { payload: string }) => {
    if (applyStoreMessage(ack, payload) === "stored") announceDocumentChanged(documentId);
    // a refused change stays in this copy (a Y.Doc cannot drop it): start again from the server's
    if (payload.includes('"update-refused"')) void local.clearData().finally(() => connection.onRefused());
  };
  const onSynced = () => provider.sendStateless(STORED_QUERY);
  provider.on("stateless", onStateless);
  provider.on("synced", onSynced);
  // the offline copy loaded: ask whether the server holds it
  let open = true;
  void local.whenSynced.then(() => open && provider.isSynced && onSynced());
  // changes the server already held (say, from this browser's offline copy) cause no new
  // store, so no "stored" message: ask again while something waits for one
  const poll = setInterval(() => {
    if (ack.state === "pending" && provider.isSynced && !provider.hasUnsyncedChanges) provider.sendStateless(STORED_QUERY);
  }, 4000);
  return connection;
}

/**
 * Connections opened while the page hydrates, by document, until the page that drew them
 * takes them once mounted: the socket connects and the server checks the session while React
 * still hydrates the sections (a 200-section page's hydration took over a second here, and
 * the socket waited for it). A render React repeats or drops finds the one it opened.
 */
const opening = new Map<string, { view: DocumentView; connection: Connection }>();

/**
 * Opens the document's Y.Doc over the app's /collab socket for as long as the page lives.
 * `view` is what to draw (at once when `initialState` came with the page); `doc` adds the
 * socket, once it is open.
 */
export function useCollabDocument(documentId: string, user: { name: string; color: string }, initialState: string | null = null): { view: DocumentView | null; doc: CollabDocument | null } {
  // only the state the page first came with: a later server render must not reopen the document
  const [firstState] = useState(initialState);
  const [view, setView] = useState<DocumentView | null>(() => {
    if (!initialState) return null;
    if (typeof window === "undefined") return openView(initialState, 0);
    const kept = opening.get(documentId);
    if (kept) return kept.view;
    const opened = openView(initialState, 0);
    opening.set(documentId, { view: opened, connection: connect(documentId, opened, user) });
    return opened;
  });
  // the view the page was first drawn with, for the socket to join once (a remount opens another)
  const drawn = useRef(view);
  const [doc, setDoc] = useState<CollabDocument | null>(null);
  // bumped when the server refuses a change: the document is opened again from the server's state
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const first = generation === 0 ? drawn.current : null;
    drawn.current = null;
    const current = first ?? openView(generation === 0 ? firstState : null, generation);
    if (current !== first) setView(current);
    // the connection opened as this view was drawn, if any: taken once
    const kept = opening.get(documentId);
    const opened = kept?.view === current ? kept.connection : undefined;
    if (opened) opening.delete(documentId);
    const connection = opened ?? connect(documentId, current, user);
    const refused = () => setGeneration((g) => g + 1);
    connection.onRefused = refused;
    if (connection.refused) refused();
    setDoc(connection.doc);
    return connection.close;
  }, [documentId, user, firstState, generation]);
  return { view, doc };
}

function saveStore(doc: CollabDocument | null) {
  const read = (): SaveState => {
    if (!doc) return "connecting";
    const { provider, ack } = doc;
    const connected = provider.configuration.websocketProvider.status === "connected" && provider.isSynced;
    if (!connected) return provider.isSynced ? "offline" : "connecting";
    if (ack.state === "failing") return "not-saved";
    // typed before a section's editor started, not in the document yet (heldInput.ts)
    return provider.hasUnsyncedChanges || ack.state === "pending" || anyHeld() ? "saving" : "saved";
  };
  const events = ["status", "synced", "unsyncedChanges", "disconnect", "close"] as const;
  return {
    get: read,
    subscribe(onChange: () => void) {
      if (!doc) return () => {};
      const { provider, ack } = doc;
      events.forEach((e) => provider.on(e, onChange));
      provider.configuration.websocketProvider.on("status", onChange);
      const unsubscribe = ack.subscribe(onChange);
      const unsubscribeHeld = onHeldChange(onChange);
      return () => {
        unsubscribeHeld();
        events.forEach((e) => provider.off(e, onChange));
        provider.configuration.websocketProvider.off("status", onChange);
        unsubscribe();
      };
    },
  };
}

/** Saving state for the header: offline, saving (not yet stored by the server), saved, or not saved (retrying). */
/**
 * Whether this copy of the document has synced with the server once. Typed fields wait for
 * it: the server turns fields stored as plain strings into shared text when it loads a
 * document, and a value typed into the page's copy before then would race that conversion
 * (one map entry, last writer wins) and could be lost.
 */
export function useSyncedOnce(doc: CollabDocument | null): boolean {
  const store = useMemo(() => {
    const state = { synced: doc?.provider.isSynced ?? false };
    return {
      get: () => state.synced,
      subscribe(onChange: () => void) {
        if (!doc || state.synced) return () => {};
        const onSynced = () => {
          state.synced = true;
          onChange();
        };
        doc.provider.on("synced", onSynced);
        return () => doc.provider.off("synced", onSynced);
      },
    };
  }, [doc]);
  return useSyncExternalStore(store.subscribe, store.get, () => false);
}

export function useSaveState(doc: CollabDocument | null): SaveState {
  const store = useMemo(() => saveStore(doc), [doc]);
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

/** The section list (order, titles, depths), re-read whenever it changes. */
export function useSections(ydoc: Y.Doc | undefined): SectionMeta[] {
  const store = useMemo(() => sectionStore(ydoc), [ydoc]);
  // the server draws the sections of the Y.Doc it was given, as the browser does
  return useSyncExternalStore(store.subscribe, store.get, store.get);
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
