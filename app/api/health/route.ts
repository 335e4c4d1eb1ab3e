// GET /api/health — the process is alive (no dependencies checked)
export function GET() {
  return Response.json({ status: "ok" });
}
