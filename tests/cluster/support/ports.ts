/**
 * The cluster's loopback ports: CLUSTER_PORT_BASE + 0…2 for the app processes, +9 for the
 * test control service, +10 for the balancer; Redis and PostgreSQL on their own bases.
 */
export function clusterPorts() {
  const base = Number(process.env.CLUSTER_PORT_BASE ?? 3440);
  return {
    apps: [base, base + 1, base + 2],
    control: base + 9,
    balancer: base + 10,
    redis: Number(process.env.CLUSTER_REDIS_PORT ?? 6440),
    postgres: Number(process.env.CLUSTER_POSTGRES_PORT ?? 5440),
  };
}
