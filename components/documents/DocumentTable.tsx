import Link from "next/link";
import type { DocumentSummaryDto } from "@/lib/documents/present";
import { Highlight } from "./Highlight";
import { StatusBadge } from "./StatusBadge";

export function DocumentTable({ slug, items, actions }: { slug: string; items: DocumentSummaryDto[]; actions?: (d: DocumentSummaryDto) => React.ReactNode }) {
  return (
    // on a narrow screen the table scrolls inside its card, not the page
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Title</th>
            <th scope="col" className="px-4 py-2 font-medium">Template</th>
            <th scope="col" className="px-4 py-2 font-medium">Status</th>
            <th scope="col" className="px-4 py-2 font-medium">Owner</th>
            <th scope="col" className="px-4 py-2 font-medium">Last update</th>
            {actions ? <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((d) => (
            <tr key={d.id} className="align-top">
              <td className="px-4 py-3">
                {d.number ? <span className="mr-2 font-mono text-xs text-slate-500">{d.number}</span> : null}
                {d.deletedAt ? <span className="font-medium">{d.title}</span> : <Link prefetch={false} href={`/w/${slug}/d/${d.id}`} className="font-medium text-indigo-700 hover:underline">{d.title}</Link>}
                {d.highlight ? <p className="mt-1 text-xs text-slate-600"><Highlight text={d.highlight} /></p> : null}
              </td>
              <td className="px-4 py-3 text-slate-600">{d.template.name}</td>
              <td className="px-4 py-3"><StatusBadge status={d.status} /></td>
              <td className="px-4 py-3 text-slate-600">{d.owner.name}</td>
              <td className="px-4 py-3 text-slate-600"><time dateTime={d.updatedAt}>{d.updatedAt.slice(0, 16).replace("T", " ")}</time></td>
              {actions ? <td className="px-4 py-3 text-right">{actions(d)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
