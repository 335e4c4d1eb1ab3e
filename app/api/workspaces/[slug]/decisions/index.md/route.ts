import { downloadRoute } from "@/app/_server/downloadRoute";
import { decisionLog, decisionLogMarkdown, DecisionLogInput } from "@/lib/documents/decisionLog";

// GET /api/workspaces/:slug/decisions/index.md?status=&template=… — the decision log as an index.md, with the same filters
export const GET = downloadRoute<{ slug: string }>(async (ctx, { slug }, url) => {
  const input = DecisionLogInput.parse({ ...Object.fromEntries(url.searchParams), slug });
  const log = await decisionLog(ctx, input);
  return { body: decisionLogMarkdown(log.workspace.name, log), contentType: "text/markdown; charset=utf-8", filename: "index.md" };
});
