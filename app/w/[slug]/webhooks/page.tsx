import { loadWorkspacePage } from "@/app/_server/workspacePage";
import { WebhooksPanel } from "@/components/webhooks/WebhooksPanel";
import { can } from "@/lib/access/policy";
import { getDb } from "@/lib/db";
import { listWebhooks } from "@/lib/webhooks/manage";

export const metadata = { title: "Webhooks" };

export default async function WebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, workspace, membership } = await loadWorkspacePage(slug, `/w/${slug}/webhooks`);
  const allowed = can(membership, "webhook.manage");
  const webhooks = allowed ? await listWebhooks({ actor, db: getDb() }, { slug }) : [];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Webhooks</h1>
        <p className="mt-1 text-sm text-slate-600">
          Tell other systems (CI, chat) when something happens in {workspace.name}. Each delivery is a signed POST: the
          <code className="mx-1 text-xs">Specwright-Signature</code>header holds <code className="text-xs">t=&lt;unix time&gt;,v1=&lt;HMAC-SHA256 of “t.body”&gt;</code>; failed deliveries are retried for about a day.
        </p>
      </div>
      {allowed ? <WebhooksPanel slug={slug} webhooks={webhooks} /> : <p className="text-sm text-slate-600">Only the workspace&apos;s admins and owners manage webhooks.</p>}
    </div>
  );
}
