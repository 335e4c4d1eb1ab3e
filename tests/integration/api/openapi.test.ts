import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/app/_server/openapi/document";
import { GET } from "@/app/api/openapi.json/route";
import { exportedMethods } from "../../e2e/sweep/routes";

const APP = path.resolve(import.meta.dirname, "../../../app");

/** `/api/documents/{documentId}` → the route file that serves it. */
function routeFile(apiPath: string): string {
  const dir = apiPath.replace(/\{(\w+)\}/g, (_, name: string) => (name === "nextauth" ? "[...nextauth]" : `[${name}]`));
  return path.join(APP, dir, "route.ts");
}

type Schema = { type?: string; properties?: Record<string, Schema>; required?: string[]; enum?: string[] };

describe("GET /api/openapi.json", () => {
  it("describes every method of every route file, with the inputs their zod schemas parse", async () => {
    const doc = await openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    for (const [apiPath, item] of Object.entries(doc.paths)) {
      const methods = exportedMethods(readFileSync(routeFile(apiPath), "utf8")).map((m) => m.toLowerCase()).sort();
      expect(Object.keys(item).sort(), apiPath).toEqual(methods);
    }

    const create = doc.paths["/api/me/tokens"]!.post!;
    const body = create.requestBody!.content["application/json"]!.schema as Schema;
    expect(body.required?.sort()).toEqual(["expiresInDays", "name", "scope"]);
    expect(body.properties?.scope?.enum).toEqual(["read", "write", "admin"]);

    const patch = doc.paths["/api/documents/{documentId}"]!.patch!;
    expect(patch.parameters).toEqual([{ name: "documentId", in: "path", required: true, schema: { type: "string" } }]);
    const patchBody = patch.requestBody!.content["application/json"]!.schema as Schema;
    expect(Object.keys(patchBody.properties ?? {})).toContain("title");
    expect(Object.keys(patchBody.properties ?? {})).not.toContain("documentId");

    const list = doc.paths["/api/workspaces/{slug}/documents"]!.get!;
    expect(list.parameters.filter((p) => p.in === "query").map((p) => p.name)).toEqual(expect.arrayContaining(["status", "q"]));
    expect(doc.paths["/api/workspaces/{slug}/import"]!.post!.requestBody!.content).toHaveProperty("text/markdown");
    // a zip upload: the file and its options as multipart form fields
    const zip = doc.paths["/api/workspaces/{slug}/import.zip"]!.post!.requestBody!.content["multipart/form-data"]!.schema as Schema;
    expect(zip.required).toEqual(["file"]);
    expect(Object.keys(zip.properties ?? {})).toEqual(["file", "template", "repairMojibake"]);
    expect(zip.properties?.repairMojibake?.enum).toEqual(["true", "false"]);
    // a Git host's push hook proves itself with a signature, not a session or a token
    const hook = doc.paths["/api/workspaces/{slug}/git-sync/{connectionId}/hook"]!.post!;
    expect(hook.security).toEqual([{ gitHubSignature: [] }, { gitLabToken: [] }]);
    expect(Object.keys((hook.requestBody!.content["application/json"]!.schema as Schema).properties ?? {})).toContain("ref");
    expect(doc.paths["/api/workspaces/{slug}/git-sync/{connectionId}/hook-secret"]!.post!.security).toBeUndefined();
    expect(doc.paths["/api/health"]!.get).toHaveProperty("x-input");
  });

  it("answers as JSON", async () => {
    const res = await GET(new Request("http://localhost/api/openapi.json"));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(body.paths)).toContain("/api/openapi.json");
  });
});
