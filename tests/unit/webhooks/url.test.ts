import { describe, expect, it } from "vitest";
import { isPrivateAddress, privateAddressesAllowed, webhookUrlProblem } from "@/lib/webhooks/url";

describe("webhook URLs", () => {
  it("takes public http and https URLs", () => {
    expect(webhookUrlProblem("https://hooks.slack.com/services/T0/B0/x", false)).toBeNull();
    expect(webhookUrlProblem("http://ci.example.com:8080/hook?x=1", false)).toBeNull();
  });

  it("refuses other schemes, credentials and text that is no URL", () => {
    for (const url of ["ftp://example.com/", "file:///etc/passwd", "javascript:alert(1)", "example.com/hook", "https://a:b@example.com/"]) {
      expect(webhookUrlProblem(url, true), url).not.toBeNull();
    }
  });

  it("refuses loopback and private hosts unless they are allowed", () => {
    for (const url of ["http://localhost:3000/", "http://api.localhost/", "http://127.0.0.1/", "http://10.0.0.5/", "http://172.20.1.1/", "http://192.168.1.1/", "http://169.254.169.254/", "http://[::1]/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/"]) {
      expect(webhookUrlProblem(url, false), url).toMatch(/private/);
      expect(webhookUrlProblem(url, true), url).toBeNull();
    }
  });

  it("tells private addresses from public ones", () => {
    expect(isPrivateAddress("127.0.0.53")).toBe(true);
    expect(isPrivateAddress("::ffff:10.1.1.1")).toBe(true);
    expect(isPrivateAddress("8.8.8.8")).toBe(false);
    expect(isPrivateAddress("2606:4700::1111")).toBe(false);
    expect(isPrivateAddress("example.com")).toBe(false);
  });

  it("allows private addresses outside production unless WEBHOOK_ALLOW_PRIVATE says otherwise", () => {
    expect(privateAddressesAllowed({ NODE_ENV: "production" })).toBe(false);
    expect(privateAddressesAllowed({ NODE_ENV: "production", WEBHOOK_ALLOW_PRIVATE: "1" })).toBe(true);
    expect(privateAddressesAllowed({ NODE_ENV: "test" })).toBe(true);
    expect(privateAddressesAllowed({ NODE_ENV: "development", WEBHOOK_ALLOW_PRIVATE: "0" })).toBe(false);
  });
});
