// The load balancer in front of the app processes: HAProxy (apt `haproxy`), as a team
// install would run one. Any process may serve any request or socket; a process whose
// /api/ready fails twice is taken out, and a connection to a dead one is sent to another.

export const HAPROXY = process.env.HAPROXY_PATH ?? "/usr/sbin/haproxy";

/** Names the app processes app1, app2… (the `X-Specwright-Backend` response header says which one answered). */
export function backendName(index: number): string {
  return `app${index + 1}`;
}

/** The app process index (0-based) of a balancer server name such as `app2`. */
export function backendIndex(name: string): number {
  const match = /^app(\d+)$/.exec(name);
  if (!match) throw new Error(`not an app server name: ${name}`);
  return Number(match[1]) - 1;
}

export function haproxyConfig(options: { port: number; appPorts: number[] }): string {
  const servers = options.appPorts.map((port, i) => `  server ${backendName(i)} 127.0.0.1:${port} check`);
  return [
    "global",
    "  maxconn 4096",
    "defaults",
    "  mode http",
    "  option forwardfor",
    "  option redispatch",
    "  retries 3",
    "  timeout connect 2s",
    "  timeout client 60s",
    "  timeout server 60s",
    // a WebSocket is a tunnel once upgraded; editors may sit idle a long time
    "  timeout tunnel 1h",
    "frontend web",
    `  bind 127.0.0.1:${options.port}`,
    "  default_backend apps",
    "backend apps",
    "  balance roundrobin",
    "  option httpchk GET /api/ready",
    "  http-check expect status 200",
    "  default-server inter 1s fall 2 rise 2",
    "  http-response set-header X-Specwright-Backend %s",
    ...servers,
    "",
  ].join("\n");
}
