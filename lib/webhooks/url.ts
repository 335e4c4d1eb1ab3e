import { BlockList, isIP } from "node:net";

/** Loopback, private, link-local, carrier-grade NAT and unique-local ranges: never a public receiver. */
const PRIVATE = new BlockList();
for (const [net, prefix] of [["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.168.0.0", 16]] as const) {
  PRIVATE.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10]] as const) PRIVATE.addSubnet(net, prefix, "ipv6");

/** Whether an IP address is loopback or private (an IPv4-mapped IPv6 address counts as its IPv4 one). */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return PRIVATE.check(mapped[1]!, "ipv4");
  const family = isIP(ip);
  if (family === 4) return PRIVATE.check(ip, "ipv4");
  if (family === 6) return PRIVATE.check(ip, "ipv6");
  return false;
}

/**
 * Whether endpoints on loopback and private networks are allowed: WEBHOOK_ALLOW_PRIVATE=1
 * allows them, =0 refuses them; unset, they are refused in production (NODE_ENV=production)
 * and allowed elsewhere, so tests and development can use a receiver on this machine.
 */
export function privateAddressesAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.WEBHOOK_ALLOW_PRIVATE === "1") return true;
  if (env.WEBHOOK_ALLOW_PRIVATE === "0") return false;
  return env.NODE_ENV !== "production";
}

/**
 * Why a webhook URL is refused, or null when it is fine: http or https only, no user name
 * or password in it, and (unless `allowPrivate`) no loopback or private host given by name
 * (`localhost`) or address. A name that resolves to a private address is refused when
 * sending (see deliver.ts).
 */
export function webhookUrlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, such as https://example.com/hooks/specwright.";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "Use an http or https URL.";
  if (url.username || url.password) return "Leave the user name and password out of the URL; deliveries are signed instead.";
  if (allowPrivate) return null;
  const host = url.hostname.toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || isPrivateAddress(host)) {
    return "This server does not send to loopback or private addresses (WEBHOOK_ALLOW_PRIVATE=1 allows it).";
  }
  return null;
}
