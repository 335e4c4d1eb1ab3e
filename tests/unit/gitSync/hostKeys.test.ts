import { describe, expect, it } from "vitest";
import { pinnedHostKeys } from "@/lib/gitSync/hostKeys";

// made with ssh-keygen -t ed25519; `ssh-keygen -lf` prints SHA256:DBhkpA373PvXZF7D1IxdqZ5APsaW5ByMeayLRMEA3es
const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINjFFt+wzPPEDGs9vOlOyHq7IUhBXyVyqlkWXnUjZR9c";

describe("pinnedHostKeys", () => {
  it("gives each known_hosts line's host, type and the fingerprint ssh-keygen prints", () => {
    expect(pinnedHostKeys(`[git.example.test]:2222 ${KEY}\n`)).toEqual([{ host: "[git.example.test]:2222", type: "ssh-ed25519", fingerprint: "SHA256:DBhkpA373PvXZF7D1IxdqZ5APsaW5ByMeayLRMEA3es" }]);
  });

  it("skips blank lines and comments, and does not show a hashed host name", () => {
    expect(pinnedHostKeys(`# pinned\n\n|1|c2FsdA==|aGFzaA== ${KEY} a comment\n`)).toEqual([{ host: "(hashed)", type: "ssh-ed25519", fingerprint: "SHA256:DBhkpA373PvXZF7D1IxdqZ5APsaW5ByMeayLRMEA3es" }]);
  });

  it("holds nothing for nothing pinned", () => {
    expect(pinnedHostKeys("")).toEqual([]);
    expect(pinnedHostKeys(null)).toEqual([]);
  });
});
