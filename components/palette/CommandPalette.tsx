"use client";

import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { STATUS_LABELS } from "@/lib/documents/status";
import { useDialogFocus } from "../ui/useDialogFocus";
import { filterByQuery, matchesQuery } from "./match";
import { paletteActions, type PaletteAbilities, type PaletteAction } from "./paletteActions";
import { jumpToSection, readPageSections } from "./pageSections";
import { PaletteIcon, type IconName } from "./PaletteIcon";
import { SearchIcon } from "./SearchIcon";
import { useDocumentSearch } from "./useDocumentSearch";

interface Props {
  slug: string;
  documentId: string | null;
  can: PaletteAbilities;
  /** the keys that open it, as written for this platform ("Ctrl+P", "⌘P") */
  shortcut: string;
  /** typed while its code was loading */
  initialQuery: string;
  /** what had the focus before it opened, to give it back */
  opener: HTMLElement | null;
  /** closes the palette, then runs `then` once the focus is back where it was */
  onClose: (then?: () => void) => void;
}

const ITEM =
  "flex cursor-pointer select-none items-center gap-3 rounded-md px-3 py-2 text-sm text-slate-800 data-[selected=true]:bg-indigo-50 data-[selected=true]:text-indigo-950";
const GROUP = "[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-slate-600";
const MAX_SECTIONS = 8;

const ACTION_KIND: Record<PaletteAction["target"]["kind"], { icon: IconName; label: string }> = {
  go: { icon: "go", label: "Page" },
  download: { icon: "download", label: "Download" },
  copyLink: { icon: "link", label: "Copy" },
};

function download(href: string): void {
  const link = document.createElement("a");
  link.href = href;
  link.download = "";
  document.body.append(link);
  link.click();
  link.remove();
}

function Row({ icon, label, detail }: { icon: IconName; label: string; detail: string }) {
  return (
    <>
      <PaletteIcon name={icon} />
      <span className="min-w-0 flex-1 truncate">{label}</span>
      <span className="shrink-0 text-xs text-slate-600">{detail}</span>
    </>
  );
}

/**
 * The command palette: the workspace's documents by title (and by their text, from the
 * server's search), the open document's sections, and what can be done from here. Loaded
 * on first use; cmdk draws the combobox and its list.
 */
export function CommandPalette({ slug, documentId, can, shortcut, initialQuery, opener, onClose }: Props) {
  const router = useRouter();
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState(initialQuery);
  const [note, setNote] = useState<string>();
  const [sections] = useState(() => (documentId ? readPageSections() : []));
  const search = useDocumentSearch(slug, query);
  useDialogFocus(true, onClose, box, () => opener);
  // the caret after what was typed while the code loaded
  useEffect(() => input.current?.setSelectionRange(initialQuery.length, initialQuery.length), [initialQuery]);

  const shownSections = filterByQuery(sections, query, (s) => s.title).slice(0, MAX_SECTIONS);
  const actions = paletteActions(slug, documentId, can).filter((a) => matchesQuery(`${a.label} ${a.keywords.join(" ")}`, query));

  const go = (href: string) => onClose(() => router.push(href));
  const run = (action: PaletteAction) => {
    const { target } = action;
    if (target.kind === "go") return go(target.href);
    if (target.kind === "download") return onClose(() => download(target.href));
    const link = `${location.origin}/w/${encodeURIComponent(slug)}/d/${encodeURIComponent(documentId ?? "")}`;
    // the clipboard is there on https and localhost only
    if (!navigator.clipboard) return setNote(`The link is ${link}`);
    navigator.clipboard.writeText(link).then(
      () => {
        setNote("Link copied.");
        setTimeout(() => onClose(), 700);
      },
      () => setNote(`Could not copy. The link is ${link}`),
    );
  };

  const status = note ?? (search.state === "loading" ? "Searching documents…" : search.state === "error" ? `Documents could not be loaded: ${search.error ?? "try again."}` : "");
  return (
    <div
      className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 px-3 pt-[10vh]"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div ref={box} role="dialog" aria-modal="true" aria-label="Search or jump to" className="w-full max-w-xl overflow-hidden rounded-xl bg-white shadow-2xl ring-1 ring-slate-200">
        <Command label="Search documents, sections and actions" shouldFilter={false} loop>
          <div className="flex items-center gap-2 border-b border-slate-200 px-4">
            <SearchIcon />
            <Command.Input
              ref={input}
              value={query}
              onValueChange={setQuery}
              placeholder="Search or jump to…"
              className="h-12 w-full bg-transparent text-base text-slate-900 outline-none placeholder:text-slate-500"
            />
          </div>
          <Command.List label="Results" className="max-h-[min(60vh,26rem)] overflow-y-auto overscroll-contain p-2">
            <Command.Empty className="px-3 py-6 text-center text-sm text-slate-600">
              {search.state === "loading" ? "Searching…" : `Nothing matches “${query.trim()}”.`}
            </Command.Empty>
            {search.documents.length ? (
              <Command.Group heading="Documents" className={GROUP}>
                {search.documents.map((d) => (
                  <Command.Item key={d.id} value={`document:${d.id}`} onSelect={() => go(`/w/${encodeURIComponent(slug)}/d/${encodeURIComponent(d.id)}`)} className={ITEM}>
                    <Row icon="document" label={d.title} detail={STATUS_LABELS[d.status]} />
                  </Command.Item>
                ))}
              </Command.Group>
            ) : null}
            {shownSections.length ? (
              <Command.Group heading="Sections of this document" className={GROUP}>
                {shownSections.map((s) => (
                  <Command.Item key={s.key} value={`section:${s.key}`} onSelect={() => onClose(() => jumpToSection(s.key))} className={ITEM}>
                    <Row icon="section" label={s.title} detail="Section" />
                  </Command.Item>
                ))}
              </Command.Group>
            ) : null}
            {actions.length ? (
              <Command.Group heading="Actions" className={GROUP}>
                {actions.map((a) => (
                  <Command.Item key={a.id} value={`action:${a.id}`} onSelect={() => run(a)} className={ITEM}>
                    <Row icon={ACTION_KIND[a.target.kind].icon} label={a.label} detail={ACTION_KIND[a.target.kind].label} />
                  </Command.Item>
                ))}
              </Command.Group>
            ) : null}
          </Command.List>
          {/* on a phone only while it has something to say: the keys are for a keyboard */}
          <div className={`flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-t border-slate-200 bg-slate-50 px-4 py-2 text-xs text-slate-600 ${status ? "" : "max-sm:sr-only"}`}>
            <p role="status" className="min-h-4">
              {status}
            </p>
            <p aria-hidden="true" className="hidden gap-3 sm:flex">
              <span><kbd className="font-sans">↑</kbd> <kbd className="font-sans">↓</kbd> move</span>
              <span><kbd className="font-sans">↵</kbd> open</span>
              <span><kbd className="font-sans">Esc</kbd> close</span>
              <span><kbd className="font-sans">{shortcut}</kbd> toggle</span>
            </p>
          </div>
        </Command>
      </div>
    </div>
  );
}
