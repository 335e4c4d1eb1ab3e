import Link from "next/link";
import { loadWorkspacePage } from "@/app/_server/workspacePage";
import { abilitiesFor } from "@/lib/access/policy";

export default async function WorkspaceHome({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, membership } = await loadWorkspacePage(slug, `/w/${slug}`);
  const can = abilitiesFor(membership);
  return (
    <div className="space-y-6">
      <div className="flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{workspace.name}</h1>
          <p className="mt-1 text-sm text-slate-600">
            You are {/^[aeiou]/.test(membership.role) ? "an" : "a"} {membership.role} here.
          </p>
        </div>
      </div>
      <section aria-labelledby="documents-heading" className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
        <h2 id="documents-heading" className="text-lg font-medium">
          No design documents yet
        </h2>
        <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">
          Documents are written from templates of typed sections and signed off by reviewers.
          {can["member.invite"] ? " Start by inviting the people who will write and review them." : ""}
        </p>
        {can["member.invite"] ? (
          <Link
            href={`/w/${workspace.slug}/members`}
            className="mt-4 inline-flex rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700"
          >
            Invite members
          </Link>
        ) : null}
      </section>
    </div>
  );
}
