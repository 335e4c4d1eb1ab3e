import { isIPv4, isIPv6 } from "node:net";

function expandIPv6(ip: string): string[] | null {
  let address = ip.split("%")[0] ?? "";
  // a trailing dotted IPv4 part (::ffff:1.2.3.4) becomes two groups
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1];
  if (v4) {
    const [a, b, c, d] = v4.split(".").map(Number) as [number, number, number, number];
    address = address.slice(0, -v4.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(Math.max(0, fill)).fill("0"), ...right];
  return groups.length === 8 ? groups.map((g) => g.toLowerCase().replace(/^0+(?=.)/, "")) : null;
}

/**
 * The network an address belongs to for rate limiting: its /24 for IPv4 (also when written
 * as an IPv4-mapped IPv6 address) and its /64 for IPv6, so rotating addresses inside one
 * allocation does not reset the count. Anything else is returned as it is.
 */
export function ipRange(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const v4 = mapped ?? ip;
  if (isIPv4(v4)) return `${v4.split(".").slice(0, 3).join(".")}.0/24`;
  if (isIPv6(ip.split("%")[0] ?? "")) {
    const groups = expandIPv6(ip);
    if (groups) return `${groups.slice(0, 4).join(":")}::/64`;
  }
  return ip;
}
