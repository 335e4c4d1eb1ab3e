import { downloadRoute } from "@/app/_server/downloadRoute";
import { decisionLog, decisionLogMarkdown, DecisionLogInput } from "@/lib/documents/decisionLog";
import { loadMembership } from "@/lib/workspaces/loadMembership";

// GET /api/workspaces/:slug/decisions/index.md?status=&template=… — the decision log as an index.md, with the same filters
export const GET = downloadRoute<{ slug: string }>(async (ctx, { slug }, url) => {
  const input = DecisionLogInput.parse({ ...Object.fromEntries(url.searchParams), slug });
  const log = await decisionLog(ctx, input);
  const { workspace } = await loadMembership(ctx, slug);
  return { body: decisionLogMarkdown(workspace.name, log), contentType: "text/markdown; charset=utf-8", filename: "index.md" };
});
