import { describe, expect, it, vi } from "vitest";
import { createIdleVersioner } from "@/lib/versions/autoVersions";

describe("idle versioner", () => {
  it("runs once per document after stores stop coming, and stop() hands back the waiting ones", async () => {
    // the clock is the test's: a busy machine firing a real timer late cannot change the outcome
    vi.useFakeTimers();
    try {
      const ran: string[] = [];
      const idle = createIdleVersioner(async (id) => void ran.push(id), 20);
      idle.touch("a");
      await vi.advanceTimersByTimeAsync(500);
      idle.touch("a"); // a store re-arms the timer
      idle.touch("b");
      await vi.advanceTimersByTimeAsync(1_000);
      // 1,500 ms after the first store, 1,000 ms after the last: not idle long enough yet
      expect(ran).toEqual([]);
      await vi.advanceTimersByTimeAsync(100);
      expect(ran.sort()).toEqual(["a", "b"]);
      idle.touch("c");
      expect(idle.stop()).toEqual(["c"]);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(ran).not.toContain("c");
    } finally {
      vi.useRealTimers();
    }
  });
});
