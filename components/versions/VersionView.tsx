import { RichText, type RichTextNode } from "../documents/RichText";
import { documentAnchors } from "@/lib/markdown/anchors";
import { fieldInWords, fieldLabel } from "@/lib/documents/fieldWords";
import type { VersionDetailDto } from "@/lib/versions/present";
import { MermaidDrawing } from "./MermaidDrawing";
import { RestoreButton } from "./RestoreButton";

/** Mermaid blocks of a version drawn as diagrams (the page shows their source until an editor starts). */
const drawnDiagrams: Record<string, RichTextNode> = {
  mermaid: ({ node }) => <MermaidDrawing source={String(node.attrs.source ?? "")} label="Diagram" />,
};

/** One version, read-only, laid out like the document, with restore buttons for those allowed. */
export function VersionView({ documentId, version, canRestore, historyPath }: { documentId: string; version: VersionDetailDto; canRestore: boolean; historyPath: string }) {
  // ids as GitHub gives them, so a `#summary` link in the text lands on its section or heading
  const anchors = documentAnchors(null, version.sections);
  return (
    <div className="space-y-4" aria-label={`Version ${version.number}`} data-testid="version-view">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold">v{version.number}{version.label ? ` — ${version.label}` : ""}</h2>
        <span className="text-sm text-slate-500">read-only · {version.createdAt.slice(0, 16).replace("T", " ")}</span>
        {canRestore ? <span className="ml-auto"><RestoreButton documentId={documentId} number={version.number} label="Restore this version" historyPath={historyPath} /></span> : null}
      </div>
      {version.sections.map((s) => (
        <section key={s.key} id={anchors.sections[s.key] ?? undefined} aria-labelledby={`v-title-${s.key}`} data-section-key={s.key} className="scroll-mt-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <div className="flex flex-wrap items-center gap-3">
            <h3 id={`v-title-${s.key}`} className={s.depth > 1 ? "font-semibold" : "text-lg font-semibold"}>{s.title || <span className="font-normal italic text-slate-400">Untitled</span>}</h3>
            {canRestore ? <span className="ml-auto"><RestoreButton documentId={documentId} number={version.number} sectionKey={s.key} sectionTitle={s.title.trim() || "Untitled"} label={`Restore “${s.title}”`} historyPath={historyPath} /></span> : null}
          </div>
          {Object.keys(s.fields).length ? (
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              {Object.entries(s.fields).map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-slate-600">{fieldLabel(version.names, s.key, k)}</dt>
                  <dd>{fieldInWords(version.names, s.key, k, v)}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          <div className="mt-2"><RichText doc={s.body} headingIds={anchors.headings[s.key] ?? []} nodes={drawnDiagrams} /></div>
        </section>
      ))}
    </div>
  );
}
