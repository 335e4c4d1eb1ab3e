import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export interface Metrics {
  registry: Registry;
  requests: Counter<"method" | "route" | "status">;
  errors: Counter<"method" | "route" | "status">;
  duration: Histogram<"method" | "route" | "status">;
  collabSockets: Gauge;
  collabStoreFailures: Counter;
  collabStores: Counter<"by">;
  collabSocketsRouted: Counter;
}

const globalForMetrics = globalThis as unknown as { specwrightMetrics?: Metrics };

/** The process-wide Prometheus registry with the HTTP and collaboration metrics. */
export function getMetrics(): Metrics {
  if (globalForMetrics.specwrightMetrics) return globalForMetrics.specwrightMetrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ["method", "route", "status"] as const;
  const metrics: Metrics = {
    registry,
    requests: new Counter({ name: "http_requests_total", help: "HTTP requests by route and status", labelNames, registers: [registry] }),
    errors: new Counter({ name: "http_request_errors_total", help: "HTTP responses with status >= 500", labelNames, registers: [registry] }),
    duration: new Histogram({
      name: "http_request_duration_seconds",
      help: "HTTP request duration by route",
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    collabSockets: new Gauge({ name: "collab_open_sockets", help: "Open collaboration WebSocket connections", registers: [registry] }),
    collabStoreFailures: new Counter({ name: "collab_store_failures_total", help: "Failed stores of collaborative documents (each is retried)", registers: [registry] }),
    collabSocketsRouted: new Counter({ name: "collab_sockets_routed_total", help: "Collaboration sockets handed to the process that owns their document (several processes)", registers: [registry] }),
    collabStores: new Counter({
      name: "collab_stores_total",
      help: "Debounced stores of collaborative documents: by this process, or left to the process that stores the document for all (several processes)",
      labelNames: ["by"],
      registers: [registry],
    }),
  };
  globalForMetrics.specwrightMetrics = metrics;
  return metrics;
}

const ID_SEGMENT = /^(?:[0-9]+|c[a-z0-9]{20,}|[0-9a-f-]{32,36}|[A-Za-z0-9_-]{32,})$/;

/**
 * A low-cardinality route label: static assets fold into one label, id-like segments
 * become `:id`, query strings are dropped.
 */
export function routeLabel(url: string | undefined): string {
  const pathname = (url ?? "/").split("?")[0] ?? "/";
  if (pathname.startsWith("/_next/")) return "/_next/*";
  const parts = pathname.split("/").map((seg) => (ID_SEGMENT.test(seg) ? ":id" : seg));
  if (parts[1] === "w" && parts[2]) parts[2] = ":slug";
  if (parts[1] === "invite" && parts[2]) parts[2] = ":token";
  if (parts[1] === "api" && parts[2] === "workspaces" && parts[3]) parts[3] = ":slug";
  if (parts[1] === "api" && parts[2] === "invites" && parts[3]) parts[3] = ":token";
  return parts.join("/") || "/";
}
