import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface Service {
  image?: string;
  build?: string;
  ports?: string[];
  expose?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, unknown> | string[];
}

const compose = parse(readFileSync("docker-compose.yml", "utf8")) as { services: Record<string, Service> };
const haproxyCfg = readFileSync("deploy/haproxy.cfg", "utf8");

describe("the team install", () => {
  it("runs PostgreSQL, Redis, app replicas without a host port, and a balancer that publishes 3000", () => {
    const { postgres, redis, app, balancer } = compose.services;
    expect(postgres?.image).toMatch(/^postgres:/);
    expect(redis?.image).toMatch(/^redis:/);
    // `--scale app=3` needs replicas that bind no host port
    expect(app?.ports).toBeUndefined();
    expect(app?.environment).toMatchObject({ REDIS_URL: "redis://redis:6379", TRUST_PROXY: "1", PORT: "3000" });
    expect(app?.environment?.NEXTAUTH_SECRET).toContain(":?");
    expect(balancer?.ports).toEqual(["${APP_PORT:-3000}:3000"]);
    expect(balancer?.volumes).toContain("./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
  });

  it("balances on /api/ready, routes /collab by the document in ?doc=, and lets only itself set X-Forwarded-For", () => {
    expect(haproxyCfg).toMatch(/http-check send meth GET uri \/api\/ready/);
    expect(haproxyCfg).toMatch(/backend collab\n\s+balance url_param doc\n\s+hash-type consistent/);
    expect(haproxyCfg).toMatch(/server-template app- \d+ app:3000/);
    expect(haproxyCfg).toMatch(/http-request del-header X-Forwarded-For[\s\S]*option forwardfor/);
    expect(readFileSync("components/editor/useCollabDocument.ts", "utf8")).toContain("/collab?doc=${encodeURIComponent(documentId)}");
  });
});
