"use client";

import { useEffect, useMemo } from "react";
import type { SectionDef } from "@/lib/templates/schema";
import { CollabFields } from "./CollabFields";
import { SectionBody } from "./SectionBody";
import { useCollabDocument, useSaveState, useSections, type SaveState } from "./useCollabDocument";

const COLORS = ["#4f46e5", "#db2777", "#059669", "#d97706", "#0891b2", "#7c3aed", "#dc2626"];

const SAVE_LABELS: Record<SaveState, string> = {
  connecting: "Connecting…",
  saving: "Saving…",
  saved: "Saved",
  offline: "Offline — changes kept",
};

interface Props {
  documentId: string;
  user: { id: string; name: string };
  editable: boolean;
  sectionDefs: SectionDef[];
  members: { userId: string; name: string }[];
}

function colorFor(id: string): string {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return COLORS[h % COLORS.length]!;
}

/** The live document: every section's fields and rich text, shared through one Y.Doc. */
export function DocumentEditor({ documentId, user, editable, sectionDefs, members }: Props) {
  const me = useMemo(() => ({ name: user.name, color: colorFor(user.id) }), [user.id, user.name]);
  const doc = useCollabDocument(documentId, me);
  const sections = useSections(doc?.ydoc);
  const saveState = useSaveState(doc?.provider);

  useEffect(() => {
    // Ctrl/Cmd+S stores now instead of opening the browser's save dialog
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        doc?.provider.sendStateless("save");
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [doc]);

  return (
    <div className="space-y-6">
      <p role="status" aria-live="polite" data-save-state={saveState} className={`text-sm ${saveState === "offline" ? "text-amber-700" : "text-slate-500"}`}>
        {SAVE_LABELS[saveState]}
      </p>
      {doc
        ? sections.map((s) => {
            const def = sectionDefs.find((d) => d.key === s.key);
            const HeadingTag = s.depth === 1 ? "h2" : s.depth === 2 ? "h3" : "h4";
            return (
              <section key={s.key} id={`section-${s.key}`} aria-labelledby={`title-${s.key}`} className="scroll-mt-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
                <HeadingTag id={`title-${s.key}`} className={s.depth === 1 ? "text-lg font-semibold" : "text-base font-semibold"}>{s.title}</HeadingTag>
                {def?.hint ? <p className="mt-1 text-sm text-slate-500">{def.hint}</p> : null}
                {def?.fields.length ? (
                  <div className="mt-3">
                    <CollabFields ydoc={doc.ydoc} sectionKey={s.key} sectionTitle={s.title} fields={def.fields} members={members} readOnly={!editable} />
                  </div>
                ) : null}
                <div className="mt-3">
                  <SectionBody ydoc={doc.ydoc} provider={doc.provider} sectionKey={s.key} title={s.title} editable={editable} user={me} />
                </div>
              </section>
            );
          })
        : null}
    </div>
  );
}
