import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Api } from "../../../scripts/cli/remote/client";
import { InputError, RemoteError } from "../../../scripts/cli/errors";

// A stand-in server on loopback answering each path with one status, as a proxy, an
// overloaded or a wrong server would: what the command line says about each answer.
const ANSWERS: Record<string, { status: number; body: string; headers?: Record<string, string> }> = {
  "/api/unauthorized": { status: 401, body: JSON.stringify({ error: "This API token was revoked." }) },
  "/api/forbidden": { status: 403, body: JSON.stringify({ error: "This token may only read." }) },
  "/api/missing": { status: 404, body: JSON.stringify({ error: "Document not found." }) },
  "/api/conflict": { status: 409, body: JSON.stringify({ error: "1 section was changed both here and in the document." }) },
  "/api/limited": { status: 429, body: JSON.stringify({ error: "Too many requests." }), headers: { "retry-after": "42" } },
  "/api/broken": { status: 502, body: "<html><body>Bad gateway</body></html>" },
  "/api/me": { status: 200, body: "<html>not an API</html>" },
};

let server: Server;
let url = "";
const scratch = mkdtempSync(path.join(os.tmpdir(), "specwright-remote-"));

beforeAll(async () => {
  server = createServer((req, res) => {
    const answer = ANSWERS[req.url ?? ""] ?? { status: 404, body: "{}" };
    res.writeHead(answer.status, { "content-type": answer.body.startsWith("{") ? "application/json" : "text/html", ...answer.headers });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(scratch, { recursive: true, force: true });
});

async function failure(pathname: string): Promise<Error> {
  return new Api({ url, token: "swt_test" }).request("GET", pathname).then(
    () => new Error("answered"),
    (error: Error) => error,
  );
}

describe("the command line's server errors", () => {
  it("says to log in again on 401, and what the server said, as a retryable failure", async () => {
    const error = await failure("/api/unauthorized");
    expect(error).toBeInstanceOf(RemoteError);
    expect(error.message).toBe(`${url} refused the API token (This API token was revoked.); run specwright login ${url} with a valid token`);
  });

  it("reports 403, 404 and 409 as refusals with the server's message", async () => {
    expect(await failure("/api/forbidden")).toEqual(new InputError("refused (403): This token may only read."));
    expect(await failure("/api/missing")).toEqual(new InputError("not found (404): Document not found."));
    expect(await failure("/api/conflict")).toEqual(new InputError("409: 1 section was changed both here and in the document."));
  });

  it("gives the wait of a 429 and the status of a server error, as retryable failures", async () => {
    const limited = await failure("/api/limited");
    expect(limited).toBeInstanceOf(RemoteError);
    expect(limited.message).toBe(`${url} is limiting this token's requests: Too many requests. (try again in 42 s)`);
    const broken = await failure("/api/broken");
    expect(broken).toBeInstanceOf(RemoteError);
    expect(broken.message).toBe(`${url} failed on GET /api/broken (502): <html><body>Bad gateway</body></html>`);
  });

  it("exits 3 with one line when login reaches something that is not a Specwright server, storing nothing", async () => {
    const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
      const env = { ...process.env, XDG_CONFIG_HOME: scratch, SPECWRIGHT_URL: "", SPECWRIGHT_TOKEN: "" };
      execFile(path.resolve("node_modules/.bin/tsx"), ["scripts/specwright.ts", "login", url, "--token", "swt_test"], { env, timeout: 60_000 }, (error, _stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stderr });
      });
    });
    expect(run).toEqual({ code: 3, stderr: `specwright: ${url} answered GET /api/me with something that is not JSON; is it a Specwright server?\n` });
    expect(existsSync(path.join(scratch, "specwright", "config.json"))).toBe(false);
  });
});
