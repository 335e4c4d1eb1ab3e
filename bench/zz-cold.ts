import { request } from "playwright-core";
import { createDocument, signIn, startApp } from "./support/app";
import { runBench } from "./support/harness";
runBench("cold", async () => {
  const app = await startApp();
  const req = await request.newContext({ baseURL: app.baseUrl });
  const t = async (label: string, f: () => Promise<{ status(): number; body(): Promise<Buffer> }>) => { const t0 = performance.now(); const r = await f(); await r.body(); console.log(label.padEnd(30), r.status(), (performance.now() - t0).toFixed(0), "ms"); };
  await signIn(req, app);
  for (let round = 0; round < 3; round++) {
    console.log("round", round);
    await t("GET /w/demo", () => req.get("/w/demo"));
    await t("GET /w/demo rsc", () => req.get("/w/demo", { headers: { RSC: "1" } }));
    await t("GET /settings", () => req.get("/settings"));
    const id = await createDocument(req, app, "technical-design", `Cold ${round}`);
    await t("GET doc", () => req.get(`/w/demo/d/${id}`));
    await t("DELETE doc", () => req.delete(`/api/documents/${id}`));
    await t("GET /api/me/sessions", () => req.get(`/api/me/sessions`));
  }
}, 400_000);
