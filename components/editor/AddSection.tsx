"use client";

import { useState } from "react";
import type * as Y from "yjs";
import { emptyDoc } from "@/lib/editor/schema";
import type { SectionDef } from "@/lib/templates/schema";

/** Adds an optional section of the template, or a custom one, at the end of the document. */
export function AddSection({ ydoc, available }: { ydoc: Y.Doc; available: SectionDef[] }) {
  const [choice, setChoice] = useState("");
  const [title, setTitle] = useState("");

  async function add() {
    const def = available.find((s) => s.key === choice);
    const key = def?.key ?? `custom_${Date.now().toString(36)}`;
    const sectionTitle = def?.title ?? (title.trim() || "New section");
    // the Markdown converter for starters, the schema and the binding load when a section is added, not with the page
    const [{ markdownToDoc }, { normalizeDoc }, { writeSection }] = await Promise.all([import("@/lib/markdown/fromMarkdown"), import("@/lib/editor/documentSchema"), import("@/lib/collab/ydoc")]);
    const body = def?.starter ? normalizeDoc(markdownToDoc(def.starter).doc) : emptyDoc();
    const fields = Object.fromEntries((def?.fields ?? []).map((f) => [f.key, null]));
    ydoc.transact(() => writeSection(ydoc, { key, title: sectionTitle, depth: def?.depth ?? 1, fields, body }));
    setChoice("");
    setTitle("");
    requestAnimationFrame(() => document.getElementById(`section-${key}`)?.scrollIntoView({ block: "center" }));
  }

  return (
    <div className="flex flex-wrap items-end gap-2 rounded-xl border border-dashed border-slate-300 p-4">
      <div>
        <label htmlFor="add-section" className="block text-xs font-medium text-slate-600">Add a section</label>
        <select id="add-section" value={choice} onChange={(e) => setChoice(e.target.value)} className="mt-1 rounded-md border-0 py-1.5 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300">
          <option value="">Custom section…</option>
          {available.map((s) => <option key={s.key} value={s.key}>{s.title} (from the template)</option>)}
        </select>
      </div>
      {choice ? null : (
        <div>
          <label htmlFor="add-section-title" className="block text-xs font-medium text-slate-600">Title</label>
          <input id="add-section-title" value={title} onChange={(e) => setTitle(e.target.value)} className="mt-1 rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300" />
        </div>
      )}
      <button type="button" onClick={() => void add()} className="rounded-md bg-white px-3 py-2 text-sm font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-50">Add section</button>
    </div>
  );
}
