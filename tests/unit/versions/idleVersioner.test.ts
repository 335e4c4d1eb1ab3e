import { describe, expect, it } from "vitest";
import { createIdleVersioner } from "@/lib/versions/autoVersions";

describe("idle versioner", () => {
  it("runs once per document after stores stop coming, and stop() hands back the waiting ones", async () => {
    const ran: string[] = [];
    const idle = createIdleVersioner(async (id) => void ran.push(id), 20);
    idle.touch("a");
    await new Promise((r) => setTimeout(r, 500));
    idle.touch("a"); // a store re-arms the timer
    idle.touch("b");
    expect(ran).toEqual([]);
    await new Promise((r) => setTimeout(r, 1200));
    expect(ran.sort()).toEqual(["a", "b"]);
    idle.touch("c");
    expect(idle.stop()).toEqual(["c"]);
    await new Promise((r) => setTimeout(r, 1200));
    expect(ran).not.toContain("c");
  });
});
