import { describe, expect, it } from "vitest";
import { describeDevice } from "@/lib/auth/device";
import { SignUpInput } from "@/lib/auth/schema";
import { ipRange } from "@/lib/limits/ipRange";

describe("ipRange", () => {
  it("groups IPv4 by /24, also when written as IPv4-mapped IPv6", () => {
    expect(ipRange("203.0.113.77")).toBe("203.0.113.0/24");
    expect(ipRange("::ffff:203.0.113.9")).toBe("203.0.113.0/24");
  });

  it("groups IPv6 by /64 whatever the notation", () => {
    expect(ipRange("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(ipRange("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(ipRange("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(ipRange("::1")).toBe("0:0:0:0::/64");
    expect(ipRange("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("keeps anything that is not an address as it is", () => {
    expect(ipRange("unknown")).toBe("unknown");
  });
});

describe("describeDevice", () => {
  it("names browser and system", () => {
    expect(describeDevice("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")).toBe("Firefox on Linux");
    expect(describeDevice("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15")).toBe("Safari on macOS");
    expect(describeDevice("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0")).toBe("Edge on Windows");
    expect(describeDevice("")).toBe("Unknown device");
  });
});

describe("SignUpInput", () => {
  it("normalises the email and names each bad field", () => {
    expect(SignUpInput.parse({ name: " Ada ", email: " Ada@Example.COM ", password: "longenough" })).toMatchObject({ name: "Ada", email: "ada@example.com" });
    const result = SignUpInput.safeParse({ name: "", email: "nope", password: "short" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["name", "email", "password"]));
  });
});
