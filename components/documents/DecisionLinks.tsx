import Link from "next/link";
import type { DecisionLinksDto, DocumentLinkDto } from "@/lib/documents/decisions";
import { STATUS_LABELS, type DocumentStatus } from "@/lib/documents/status";

function DocumentLink({ slug, doc }: { slug: string; doc: DocumentLinkDto }) {
  return (
    <Link prefetch={false} href={`/w/${slug}/d/${doc.id}`} className="text-indigo-700 hover:underline">
      {doc.number ? <span className="font-mono text-xs">{doc.number} </span> : null}
      {doc.title}
    </Link>
  );
}

/** A term and the documents it names, comma-separated; nothing without documents. */
function DocumentLinks({ term, slug, docs }: { term: string; slug: string; docs: DocumentLinkDto[] }) {
  if (!docs.length) return null;
  return (
    <div className="flex flex-wrap gap-1">
      <dt className="font-medium">{term}</dt>
      {docs.map((doc, i) => (
        <dd key={doc.id}>
          <DocumentLink slug={slug} doc={doc} />
          {i < docs.length - 1 ? "," : null}
        </dd>
      ))}
    </div>
  );
}

/**
 * Under a document's title: why it has its status (withdrawn, rejected, deprecated…), the
 * document that superseded it, those it superseded, and those whose text links to it.
 * Nothing when there is none of these.
 */
export function DecisionLinks({ slug, status, links }: { slug: string; status: DocumentStatus; links: DecisionLinksDto }) {
  if (!links.statusReason && !links.supersededBy && !links.supersedes.length && !links.referencedBy.length) return null;
  return (
    <dl aria-label="Decision" className="space-y-1 text-sm text-slate-700">
      {links.supersededBy ? (
        <div className="flex flex-wrap gap-1">
          <dt className="font-medium">Superseded by</dt>
          <dd><DocumentLink slug={slug} doc={links.supersededBy} /></dd>
        </div>
      ) : null}
      <DocumentLinks term="Supersedes" slug={slug} docs={links.supersedes} />
      <DocumentLinks term="Referenced by" slug={slug} docs={links.referencedBy} />
      {links.statusReason ? (
        <div className="flex flex-wrap gap-1">
          <dt className="font-medium">{STATUS_LABELS[status]} because</dt>
          <dd className="whitespace-pre-line">{links.statusReason}</dd>
        </div>
      ) : null}
    </dl>
  );
}
