import { request } from "playwright-core";
import { createSizedDocument, signIn, startApp } from "./support/app";
import { runBench } from "./support/harness";
runBench("pagetime", async () => {
  const app = await startApp();
  const req = await request.newContext({ baseURL: app.baseUrl });
  await signIn(req, app);
  const warm = await createSizedDocument(req, app, `W`, 60);
  for (let k = 0; k < 3; k++) await (await req.get(`/w/demo/d/${warm}`)).body();
  const stat = async () => Number((await app.db.query("SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()")).rows[0].n);
  const before = await stat();
  for (let k = 0; k < 10; k++) await (await req.get(`/w/demo/d/${warm}`)).body();
  await new Promise((r) => setTimeout(r, 1000));
  console.log("transactions per page", ((await stat()) - before - 1) / 10);
  const times: number[] = [];
  for (let k = 0; k < 200; k++) { const t0 = performance.now(); const r = await req.get(`/w/demo/d/${warm}`); times.push(performance.now() - t0); await r.body(); }
  times.sort((a, b) => a - b);
  console.log("warm 60-section page TTFB median", times[100]!.toFixed(0), "min", times[0]!.toFixed(0));
  for (let i = 0; i < 2; i++) {
    const id = await createSizedDocument(req, app, `P ${i}`, 60);
    const t = async (u: string) => { const t0 = performance.now(); const r = await req.get(u); const first = performance.now() - t0; await r.body(); return `${first.toFixed(0)}`; };
    const fresh = await t(`/w/demo/d/${id}`);
    const again = await t(`/w/demo/d/${id}`);
    const w = await t(`/w/demo/d/${warm}`);
    const api = await t(`/api/ready`);
    console.log(`fresh ${fresh} ms, again ${again} ms, warm doc ${w} ms, /api/ready ${api} ms`);
  }
}, 400_000);
