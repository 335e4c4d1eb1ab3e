import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { loadWorkspacePage } from "@/app/_server/workspacePage";
import { DiffView } from "@/components/versions/DiffView";
import { HistoryPanel } from "@/components/versions/HistoryPanel";
import { VersionView } from "@/components/versions/VersionView";
import { abilitiesFor } from "@/lib/access/policy";
import { getDb } from "@/lib/db";
import { getDocument } from "@/lib/documents/documents";
import { NotFound } from "@/lib/errors";
import { DiffSide } from "@/lib/versions/inputs";
import { diffVersions, getVersion, listVersions } from "@/lib/versions/versions";

const Query = z.object({ v: z.coerce.number().int().min(1).optional(), from: DiffSide.optional(), to: DiffSide.optional() });

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ slug: string; documentId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug, documentId } = await params;
  const path = `/w/${slug}/d/${documentId}/history`;
  const { actor, membership } = await loadWorkspacePage(slug, path);
  const ctx = { actor, db: getDb() };
  const query = Query.safeParse(await searchParams);
  const { v, from, to } = query.success ? query.data : {};
  const orNotFound = <T,>(promise: Promise<T>) =>
    promise.catch((error: unknown) => {
      if (error instanceof NotFound) notFound();
      throw error;
    });
  const doc = await orNotFound(getDocument(ctx, { documentId }));
  if (doc.workspace.slug !== slug) notFound();
  const can = abilitiesFor(membership);
  const [versions, version, diff] = await Promise.all([
    listVersions(ctx, { documentId }),
    v ? orNotFound(getVersion(ctx, { documentId, number: v })) : null,
    from !== undefined && !v ? orNotFound(diffVersions(ctx, { documentId, from, to: to ?? "current" })) : null,
  ]);
  const name = (side: number | "current") => (side === "current" ? "the current content" : `v${side}`);

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Link prefetch={false} href={`/w/${slug}/d/${documentId}`} className="text-sm text-indigo-700 hover:underline">← {doc.title}</Link>
        <h1 className="text-2xl font-semibold">History</h1>
      </header>
      <HistoryPanel
        documentId={documentId}
        historyPath={path}
        versions={versions}
        canCreate={can["version.create"]}
        from={from === undefined ? undefined : String(from)}
        to={to === undefined ? undefined : String(to)}
      />
      {version ? <VersionView documentId={documentId} version={version} canRestore={can["version.restore"]} historyPath={path} /> : null}
      {diff ? (
        <section aria-labelledby="compare-heading" className="space-y-3">
          <h2 id="compare-heading" className="text-lg font-semibold">Changes from {name(diff.from)} to {name(diff.to)}</h2>
          <DiffView diff={diff} />
        </section>
      ) : null}
    </div>
  );
}
