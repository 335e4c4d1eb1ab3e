// Starts one cluster for the whole suite (three app processes behind HAProxy, Redis,
// PostgreSQL, an SMTP capture) and returns its teardown, which stops all of it whatever
// the tests did. Tests find it through the CLUSTER_* variables (see env.ts).
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { Cluster, REPO_ROOT } from "./cluster";
import { startControl } from "./control";
import { clusterPorts } from "./ports";
import { MAIL_POLL_SECONDS, SMTP_HOLD_MS, startSmtpCapture } from "./smtp";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const ports = clusterPorts();
  const smtp = await startSmtpCapture({ holdMs: SMTP_HOLD_MS });
  const logDir = path.join(REPO_ROOT, "test-results", "cluster-logs");
  // this run's logs only (a restarted process appends to its file)
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const cluster = new Cluster({ ports, smtpUrl: `smtp://127.0.0.1:${smtp.port}`, logDir, extraEnv: { MAIL_POLL_SECONDS: String(MAIL_POLL_SECONDS) } });
  const teardown = async () => {
    await cluster.stop().catch((error: unknown) => console.error("stopping the cluster:", error));
    await smtp.close();
  };
  try {
    await cluster.start();
  } catch (error) {
    await teardown();
    throw error;
  }
  const control = await startControl(cluster, smtp, ports.control);
  Object.assign(process.env, {
    CLUSTER_CONTROL_URL: `http://127.0.0.1:${ports.control}`,
    CLUSTER_BALANCER_URL: cluster.balancerUrl,
    CLUSTER_APP_URLS: ports.apps.map((_, i) => cluster.appUrl(i)).join(","),
    CLUSTER_DATABASE_URL: cluster.databaseUrl,
    CLUSTER_SECRET: cluster.secret,
  });
  return async () => {
    await new Promise<void>((resolve) => control.close(() => resolve()));
    control.closeAllConnections();
    await teardown();
  };
}
