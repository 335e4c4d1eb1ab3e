import { writeFileSync } from "node:fs";
import { request } from "playwright-core";
import { createSizedDocument, signIn, startApp } from "./support/app";
import { runBench } from "./support/harness";
runBench("html", async () => {
  const app = await startApp();
  const req = await request.newContext({ baseURL: app.baseUrl });
  await signIn(req, app);
  const id = await createSizedDocument(req, app, `H`, 60);
  writeFileSync("/tmp/page60.html", await (await req.get(`/w/demo/d/${id}`)).text());
}, 400_000);
