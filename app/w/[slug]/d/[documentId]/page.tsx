import { randomUUID } from "node:crypto";
import { cookies, headers } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { loadWorkspacePage, readingCtx } from "@/app/_server/workspacePage";
import { ActivityTab } from "@/components/document-panel/ActivityTab";
import { CommentsTab } from "@/components/document-panel/CommentsTab";
import { DocumentPanel } from "@/components/document-panel/DocumentPanel";
import { HistoryTab } from "@/components/document-panel/HistoryTab";
import { PANEL_COOKIE, parsePanelMemory, type PanelTab } from "@/components/document-panel/panelMemory";
import { StatusBar } from "@/components/document-panel/StatusBar";
import { PanelProvider } from "@/components/document-panel/usePanel";
import { DecisionLinks } from "@/components/documents/DecisionLinks";
import { GitConflictsPanel } from "@/components/gitSync/GitConflictsPanel";
import { ExportMenu } from "@/components/documents/ExportMenu";
import { MetadataPanel } from "@/components/documents/MetadataPanel";
import { TitleForm } from "@/components/documents/TitleForm";
import { TrashButton } from "@/components/documents/TrashActions";
import { DocumentEditor } from "@/components/editor/DocumentEditor";
import { holdSectionInputScript } from "@/components/editor/earlyInput";
import { handOverDrawings } from "@/components/editor/mermaid/drawings";
import { ReviewPanel } from "@/components/review/ReviewPanel";
import { MoreMenu } from "@/components/ui/MoreMenu";
import { PartBoundary } from "@/components/ui/PartBoundary";
import { HistoryLink } from "@/components/versions/HistoryLink";
import { can as canDo, documentAbilities } from "@/lib/access/policy";
import { storedStateForPage } from "@/lib/collab/storedState";
import { drawInBackground } from "@/lib/diagrams/drawMissing";
import { drawingsOf } from "@/lib/diagrams/drawings";
import { markUsedInBackground } from "@/lib/diagrams/prune";
import { decisionLinks, documentIdByNumber, referableDocuments } from "@/lib/documents/decisions";
import { getDocument } from "@/lib/documents/documents";
import { parseNumber } from "@/lib/documents/numbering";
import { getDocumentMetadata } from "@/lib/documents/metadata";
import { getReview } from "@/lib/review/review";
import { listConflicts } from "@/lib/gitSync/conflicts";
import { NotFound } from "@/lib/errors";
import { templateAtVersion } from "@/lib/templates/templates";
import { listMembers } from "@/lib/workspaces/listMembers";

/** The element after the document's content, which the page's first frame waits for. */
const DOCUMENT_END = "document-end";

export default async function DocumentPage({ params }: { params: Promise<{ slug: string; documentId: string }> }) {
  const { slug, documentId } = await params;
  const page = await loadWorkspacePage(slug, `/w/${slug}/d/${documentId}`);
  const { actor, membership, workspace } = page;
  // the page only reads: the document, membership and sections its parts ask about are loaded once
  const ctx = readingCtx(page);
  // a link by number (/w/acme/d/ADR-0007) keeps working after a rename: it leads to the document
  if (parseNumber(documentId)) {
    const id = await documentIdByNumber(ctx, workspace.id, documentId).catch((error: unknown) => {
      if (error instanceof NotFound) notFound();
      throw error;
    });
    redirect(`/w/${slug}/d/${id}`);
  }
  const doc = await getDocument(ctx, { documentId }).catch((error: unknown) => {
    if (error instanceof NotFound) notFound();
    throw error;
  });
  if (doc.workspace.slug !== slug) notFound();
  const [def, members, initialState, metadata, review, diagrams, links, referable, gitConflicts] = await Promise.all([
    templateAtVersion(ctx.db, doc.template.id, doc.template.version),
    listMembers(ctx, { slug }),
    storedStateForPage(ctx, documentId),
    getDocumentMetadata(ctx, { documentId }),
    getReview(ctx, { documentId }),
    // the sections getDocument loaded (with document.view checked): not read a second time
    drawingsOf(ctx.db, doc.sections.map((s) => s.body)),
    decisionLinks(ctx.db, doc),
    // what "[[" and "#" in the text link to (the workspace's documents, which this reader may view)
    referableDocuments(ctx.db, workspace.id, doc.id),
    // sections Specwright and a connected Git repository both changed, waiting for a person
    listConflicts(ctx, { documentId }),
  ]);
  // diagrams without a cached drawing are drawn by this browser now, and by the server for the next reader
  drawInBackground(ctx.db, diagrams.missing);
  // and those it brings are in use, so the pruning keeps them (lib/diagrams/prune.ts)
  markUsedInBackground(ctx.db, Object.keys(diagrams.drawings));
  const can = documentAbilities(membership, { ownerId: doc.owner.id });
  const readOnly = !can["document.edit"];
  // a viewer assigned as one of its reviewers suggests changes to the text (the server takes nothing else from them)
  const suggestOnly = readOnly && canDo(membership, "document.suggest", { isReviewer: review.myRoles.length > 0 });

  const sectionTitles = Object.fromEntries(doc.sections.map((s) => [s.key, s.title]));
  const historyPath = `/w/${slug}/d/${doc.id}/history`;
  const tabs: PanelTab[] = can["activity.view"] ? ["review", "comments", "history", "activity"] : ["review", "comments", "history"];

  const header = (
    <header className="space-y-2">
      {/* the breadcrumb names the document by its number, which a link by number (…/d/TD-0004) also uses */}
      <p className="text-sm text-slate-500">
        <Link prefetch={false} href={`/w/${slug}`} className="text-indigo-700 hover:underline">← Documents</Link>
        {links.number ? <span> / <span className="font-mono text-xs font-medium text-slate-700" data-testid="document-number">{links.number}</span></span> : null}
      </p>
      <TitleForm documentId={doc.id} title={doc.title} readOnly={readOnly} />
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
        <span>{doc.template.name} · template v{doc.template.version}</span>
        <span>Owner {doc.owner.name}</span>
        <HistoryLink documentId={doc.id} historyPath={historyPath} />
        {/* the document's actions stay together, at the right, when the row wraps */}
        <div className="ml-auto flex items-center gap-3">
          {can["document.export"] ? <PartBoundary name="Export"><ExportMenu documentId={doc.id} /></PartBoundary> : null}
          {/* moving to the trash is rare: kept behind "⋯", not beside every document's title */}
          {can["document.delete"] ? <MoreMenu label="More document actions"><TrashButton slug={slug} documentId={doc.id} /></MoreMenu> : null}
        </div>
      </div>
      <DecisionLinks slug={slug} status={doc.status} links={links} />
      {gitConflicts.length ? <GitConflictsPanel documentId={doc.id} conflicts={gitConflicts} canResolve={!readOnly} /> : null}
      {/* a panel that fails (say, the server went away mid-answer) leaves the editor in place */}
      <PartBoundary name="Metadata">
        <MetadataPanel documentId={doc.id} initial={metadata} canEdit={!readOnly} />
      </PartBoundary>
    </header>
  );
  const panel = (
    <DocumentPanel
      content={{
        review: (
          <PartBoundary name="The review panel">
            <ReviewPanel
              documentId={doc.id}
              // the panel is there at first paint, no "Loading…"
              initial={review}
              members={members.map((m) => ({ userId: m.userId, name: m.name }))}
              sectionTitles={sectionTitles}
            />
          </PartBoundary>
        ),
        comments: <CommentsTab sectionTitles={sectionTitles} />,
        history: <PartBoundary name="History"><HistoryTab documentId={doc.id} historyPath={historyPath} /></PartBoundary>,
        activity: can["activity.view"] ? <ActivityTab documentId={doc.id} /> : undefined,
      }}
    />
  );
  return (
    <>
      {/* the browser draws the page once its whole document is in, not once per piece of
          HTML as it arrives: every partial frame laid out and painted the sections parsed so
          far again, and the last frame (all of them) came hundreds of ms later. Browsers
          without rel="expect" ignore it; the end of the HTML lifts it anyway */}
      <link rel="expect" href={`#${DOCUMENT_END}`} blocking="render" />
      {/* a press or keys in a section's text from first paint are kept for its editor, before the page's code has run */}
      <script nonce={(await headers()).get("x-nonce") ?? undefined} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: holdSectionInputScript() }} />
    <PanelProvider initial={parsePanelMemory((await cookies()).get(PANEL_COOKIE)?.value)} tabs={tabs}>
      <DocumentEditor
        documentId={doc.id}
        status={doc.status}
        initialState={initialState}
        user={{ id: actor.userId, name: actor.name }}
        editable={!readOnly}
        suggestOnly={suggestOnly}
        references={{ slug, documents: referable }}
        sectionDefs={def.sections}
        // drawn from the state when it comes with the page; the rows only for a document too large for that
        stored={initialState ? [] : doc.sections.map(({ key, title, depth, fields, body }) => ({ key, title, depth, fields, body }))}
        drawings={{ handover: handOverDrawings(diagrams.drawings, randomUUID()), sources: Object.keys(diagrams.drawings) }}
        members={members.map((m) => ({ userId: m.userId, name: m.name, color: m.color }))}
        header={header}
        statusBar={<StatusBar documentId={doc.id} initial={review} />}
        panel={panel}
      />
    </PanelProvider>
      <span id={DOCUMENT_END} hidden />
    </>
  );
}
