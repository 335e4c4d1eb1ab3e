"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import type { CommentThreadDto } from "@/lib/comments/comments";
import type { DocumentStatus } from "@/lib/documents/status";
import { keepPersonColors, personColor } from "@/lib/editor/personColor";
import { moveSection, removeSection, restoreSection } from "@/lib/collab/sectionOps";
import type { SectionDef } from "@/lib/templates/schema";
import { DocumentLayout } from "../document-panel/DocumentLayout";
import { MembersContext } from "./membersContext";
import type { References } from "./referenceItems";
import { ReferencesContext } from "./referencesContext";
import { SuggestingContext } from "./suggestingContext";
import { SuggestingToggle, useSuggestingAs } from "./SuggestingToggle";
import { ThreadsContext } from "../document-panel/threadsContext";
import { StoredSections, type StoredSection } from "../documents/StoredSections";
import { AccessLostDialog } from "./AccessLostDialog";
import { AddSection } from "./AddSection";
import { awaitDrawings, drawingsInPage, keepDrawings, keptDrawing, takeDrawings } from "./mermaid/drawings";
import { prefetchDiagramsWhenIdle } from "./mermaid/prefetch";
import { Presence } from "./Presence";
import { SectionCard } from "./SectionCard";
import type { Draft } from "./comments/SectionComments";
import { useThreads } from "./comments/useThreads";
import { Outline } from "./Outline";
import { useSectionStatus } from "./useSectionStatus";
import { useCollabDocument, usePeers, useSaveState, useSections, useSyncedOnce, type SaveState, type SectionMeta } from "./useCollabDocument";
import { useSocketAccess } from "./useSocketAccess";
import { useAnchorLinks } from "./useAnchorLinks";

const NO_THREADS: CommentThreadDto[] = [];
const NO_SOURCES: string[] = [];

const SAVE_LABELS: Record<SaveState, string> = {
  connecting: "Connecting…",
  saving: "Saving…",
  saved: "Saved",
  offline: "Offline — changes kept",
  "not-saved": "Not saved, retrying",
};

const NO_REFERENCES: References = { slug: "", documents: [] };

interface Props {
  documentId: string;
  /** the workflow status as the page was drawn */
  status: DocumentStatus;
  /** the document's stored Yjs state (base64), if small enough to come with the page */
  initialState: string | null;
  user: { id: string; name: string };
  editable: boolean;
  /** a viewer assigned as a reviewer: their text changes are suggestions, nothing else changes */
  suggestOnly?: boolean;
  /** the workspace's other documents, which "[[" and "#" in the text link to */
  references?: References;
  sectionDefs: SectionDef[];
  /** the sections as stored: shown, read-only, until the shared document has them (empty when `initialState` came) */
  stored: StoredSection[];
  /**
   * Drawings of the document's diagrams cached on the server, shown without loading Mermaid:
   * the key the server's render takes them with (drawings.ts), and the sources that have one.
   * The browser reads them from the page's HTML, or fetches them when a link brought the page.
   */
  drawings?: { handover: string; sources: string[] };
  /** the workspace's members, with the colour each chose (null: the one derived from their id) */
  members: { userId: string; name: string; color: string | null }[];
  header: React.ReactNode;
  /** where the review stands and the side panel's buttons, beside the save state */
  statusBar?: React.ReactNode;
  /** the side panel: beside the text on a wide screen, under the status bar on a narrow one */
  panel?: React.ReactNode;
}

/** The live document: outline, and every section's fields and rich text, shared through one Y.Doc. */
export function DocumentEditor({ documentId, status: documentStatus, initialState, user, editable: pageEditable, suggestOnly: pageSuggestOnly = false, references = NO_REFERENCES, sectionDefs, stored, drawings, members, header, statusBar = null, panel = null }: Props) {
  // the colours members chose, kept before anything here draws a caret or a suggestion
  useMemo(() => keepPersonColors(members), [members]);
  const me = useMemo(() => ({ name: user.name, color: personColor(user.id) }), [user.id, user.name]);
  const { view, doc } = useCollabDocument(documentId, me, initialState);
  const ydoc = view?.ydoc;
  // the server's word on access, live: editors turn read-only at once when it says so
  const access = useSocketAccess(doc?.provider, pageEditable || pageSuggestOnly, pageSuggestOnly);
  // the text takes changes; the rest (fields, titles, sections) only from someone who may edit
  const textEditable = access.editable;
  const editable = textEditable && !access.suggestOnly;
  // an editor may choose to suggest; a reviewer who may only suggest always does
  const [chosen, setChosen] = useState(false);
  const suggesting = textEditable && (access.suggestOnly || chosen);
  // or only in some sections, switched one by one
  const [suggestingSections, setSuggestingSections] = useState<ReadonlySet<string>>(() => new Set());
  const suggestingAs = useSuggestingAs(textEditable ? user.id : null, suggesting, suggestingSections);
  const toggleSection = useCallback((key: string) => setSuggestingSections((keys) => (keys.has(key) ? new Set([...keys].filter((k) => k !== key)) : new Set([...keys, key]))), []);
  const suggestion = useMemo(
    () => ({ suggestingAs, everywhere: suggesting, sections: suggestingSections, toggleSection, canResolve: editable, me: user.id }),
    [suggestingAs, suggesting, suggestingSections, toggleSection, editable, user.id],
  );
  const sections = useSections(ydoc);
  const saveState = useSaveState(doc);
  const synced = useSyncedOnce(doc);
  const fieldsEditable = synced && editable;
  const peers = usePeers(doc?.provider);
  const status = useSectionStatus(ydoc, useMemo(() => sections.map((s) => s.key), [sections]), sectionDefs);
  const [deleted, setDeleted] = useState<{ key: string; title: string; index: number }>();
  const [notice, setNotice] = useState<string>();
  const { threads, act } = useThreads(documentId);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});

  // kept before any section's text or editor is drawn: on the server those handed over for
  // this render, in the browser those in the server's HTML (still there while it hydrates)
  useMemo(() => keepDrawings(typeof window === "undefined" ? takeDrawings(drawings?.handover) : drawingsInPage(document)), [drawings?.handover]);
  const drawnSources = drawings?.sources ?? NO_SOURCES;
  // a page a link brought has no HTML of its own: its drawings are fetched; then Mermaid and the
  // diagrams nearest to the screen, once the page is idle (on every document opened, not only the first)
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    const prefetch = () => {
      if (!cancelled) stop = prefetchDiagramsWhenIdle();
    };
    if (drawnSources.every((source) => keptDrawing(source) !== undefined)) prefetch();
    else {
      // diagrams on screen wait for these before loading Mermaid (render.ts)
      const fetching = fetchDrawings(documentId);
      awaitDrawings(fetching);
      void fetching.then(prefetch);
    }
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [documentId, drawnSources]);

  useEffect(() => {
    const provider = doc?.provider;
    if (!provider) return;
    const onStateless = ({ payload }: { payload: string }) => {
      try {
        const message = JSON.parse(payload) as { type?: string; message?: string };
        // too large, or a change the server refused ("Your last change could not be saved: …")
        if ((message.type === "too-large" || message.type === "update-refused") && message.message) setNotice(message.message);
      } catch {
        // not one of ours
      }
    };
    provider.on("stateless", onStateless);
    return () => {
      provider.off("stateless", onStateless);
    };
  }, [doc]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Ctrl/Cmd+S stores now instead of opening the browser's save dialog
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        doc?.provider.sendStateless("save");
      }
      // Alt+↑/↓ moves the section that has the focus
      if (e.altKey && (e.key === "ArrowUp" || e.key === "ArrowDown") && ydoc && editable) {
        const section = (e.target as HTMLElement | null)?.closest?.("section[data-section-key]");
        const key = section?.getAttribute("data-section-key");
        if (key && moveSection(ydoc, key, e.key === "ArrowUp" ? -1 : 1)) e.preventDefault();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [doc, ydoc, editable]);

  // one array per section, the same one until the threads change: cards re-render only then
  const threadsBySection = useMemo(() => {
    const map = new Map<string, CommentThreadDto[]>();
    for (const t of threads) map.set(t.sectionKey, [...(map.get(t.sectionKey) ?? []), t]);
    return map;
  }, [threads]);
  const onDelete = useCallback((key: string, title: string) => ydoc && setDeleted({ key, title, index: removeSection(ydoc, key) }), [ydoc]);
  const onComment = useCallback((key: string, draft: Draft) => setDrafts((d) => ({ ...d, [key]: draft })), []);
  const onDraftDone = useCallback((key: string) => setDrafts(({ [key]: _done, ...rest }) => rest), []);
  useAnchorLinks(view !== null && sections.length > 0);
  const present = new Set(sections.map((s) => s.key));
  const openCount = (key: string) => (threadsBySection.get(key) ?? []).filter((t) => !t.resolved).length;
  const optional = sectionDefs.filter((d) => !present.has(d.key));
  // the sections are drawn from the Y.Doc, on the server too, when its state came with the
  // page; a document too large for that shows its stored sections until the socket syncs it
  const live = view !== null && (sections.length > 0 || synced);
  const outline: SectionMeta[] = live ? sections : stored;

  const top = (
    <>
      {header}
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-y border-slate-200 py-2">
        {statusBar}
        <div className="ml-auto flex items-center gap-3">
          {textEditable ? <SuggestingToggle suggesting={suggesting} fixed={access.suggestOnly} onChange={setChosen} /> : null}
          <p role="status" aria-live="polite" data-save-state={saveState} className={`text-sm ${saveState === "offline" || saveState === "not-saved" ? "text-amber-700" : "text-slate-500"}`}>
            {SAVE_LABELS[saveState]}
          </p>
          <Presence peers={peers} />
        </div>
      </div>
      {access.demoted ? (
        <p role="status" className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">Your role changed: you can read this document but no longer edit it.</p>
      ) : null}
      {notice ? (
        <div role="alert" className="flex items-center justify-between gap-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          {notice}
          <button type="button" className="font-semibold underline" onClick={() => setNotice(undefined)}>Dismiss</button>
        </div>
      ) : null}
      {deleted && ydoc ? (
        <div role="alert" className="flex items-center gap-3 rounded-md bg-slate-800 px-3 py-2 text-sm text-white">
          Deleted “{deleted.title}”.
          <button type="button" className="font-semibold underline" onClick={() => { restoreSection(ydoc, deleted.key, deleted.index); setDeleted(undefined); }}>Undo</button>
        </div>
      ) : null}
    </>
  );
  const body = (
    <>
      {view && live
        ? sections.map((s, i) => (
            <SectionCard
              key={`${view.generation}:${s.key}`}
              documentId={documentId}
              status={documentStatus}
              ydoc={view.ydoc}
              carets={view.carets}
              section={s}
              nextKey={sections[i + 1]?.key ?? null}
              first={i === 0}
              def={sectionDefs.find((d) => d.key === s.key)}
              editable={editable}
              textEditable={textEditable}
              fieldsEditable={fieldsEditable}
              members={members}
              threads={threadsBySection.get(s.key) ?? NO_THREADS}
              draft={drafts[s.key] ?? null}
              act={act}
              onDelete={onDelete}
              onNotice={setNotice}
              onComment={onComment}
              onDraftDone={onDraftDone}
            />
          ))
        : <StoredSections sections={stored} defs={sectionDefs} members={members} editable={editable} status={documentStatus} />}
      {ydoc && editable ? <AddSection ydoc={ydoc} available={optional} /> : null}
      {ydoc && access.lost ? <AccessLostDialog ydoc={ydoc} /> : null}
    </>
  );

  return (
    // the side panel's Comments tab lists the same threads the sections show
    <ThreadsContext.Provider value={threads}>
      <MembersContext.Provider value={members}>
        <SuggestingContext.Provider value={suggestion}>
        <ReferencesContext.Provider value={references}>
        <DocumentLayout
          outline={<Outline ydoc={ydoc} sections={outline} status={status} openComments={openCount} editable={editable} />}
          top={top}
          panel={panel}
          body={body}
        />
        </ReferencesContext.Provider>
        </SuggestingContext.Provider>
      </MembersContext.Provider>
    </ThreadsContext.Provider>
  );
}

/** The document's cached drawings, kept for its text and editors; nothing when they cannot be fetched within 5 s (Mermaid draws them). */
async function fetchDrawings(documentId: string): Promise<void> {
  try {
    const res = await fetch(`/api/documents/${documentId}/drawings`, { signal: AbortSignal.timeout(5_000) });
    if (res.ok) keepDrawings(((await res.json()) as { drawings: Record<string, string> }).drawings);
  } catch {
    // offline or slow: the diagrams are drawn in this browser
  }
}
