import { afterEach, describe, expect, it, vi } from "vitest";
import { accessChangesSince, accessChangeSchema, RECENT_CHANGES_MS, onAccessChange, publishAccessChange, receiveAccessChange, setAccessRelay, type AccessChange } from "@/lib/access/accessEvents";

afterEach(() => {
  setAccessRelay(undefined);
  vi.useRealTimers();
});

describe("access changes between processes", () => {
  it("passes a published change to the relay as well as to this process's listeners", () => {
    const relayed: AccessChange[] = [];
    const heard: AccessChange[] = [];
    setAccessRelay((change) => relayed.push(change));
    const stop = onAccessChange((change) => heard.push(change));
    publishAccessChange({ kind: "document", documentId: "d1" });
    stop();
    expect(heard).toEqual([{ kind: "document", documentId: "d1" }]);
    expect(relayed).toEqual([{ kind: "document", documentId: "d1" }]);
  });

  it("tells listeners about a change from another process without sending it back out", () => {
    const relayed: AccessChange[] = [];
    const heard: AccessChange[] = [];
    setAccessRelay((change) => relayed.push(change));
    const stop = onAccessChange((change) => heard.push(change));
    receiveAccessChange({ kind: "user", userId: "u1" });
    stop();
    expect(heard).toEqual([{ kind: "user", userId: "u1" }]);
    expect(relayed).toEqual([]);
  });

  it("accepts only well-formed changes from other processes", () => {
    expect(accessChangeSchema.safeParse({ kind: "membership", workspaceId: "w", userId: "u" }).success).toBe(true);
    expect(accessChangeSchema.safeParse({ kind: "membership", userId: "u" }).success).toBe(false);
    expect(accessChangeSchema.safeParse({ kind: "everyone" }).success).toBe(false);
    expect(accessChangeSchema.safeParse({ kind: "session", userId: "u", sessionId: "" }).success).toBe(false);
  });

  it("remembers the changes it heard for a while, from here and from other processes", () => {
    // well after anything the other tests published
    vi.useFakeTimers({ now: Date.now() + 10 * RECENT_CHANGES_MS });
    publishAccessChange({ kind: "document", documentId: "old" });
    vi.advanceTimersByTime(10);
    const since = Date.now();
    publishAccessChange({ kind: "document", documentId: "new" });
    receiveAccessChange({ kind: "user", userId: "elsewhere" });
    expect(accessChangesSince(since)).toEqual([
      { kind: "document", documentId: "new" },
      { kind: "user", userId: "elsewhere" },
    ]);
    // long after, a new change lets the old ones go
    vi.advanceTimersByTime(RECENT_CHANGES_MS + 1);
    publishAccessChange({ kind: "document", documentId: "later" });
    expect(accessChangesSince(0)).toEqual([{ kind: "document", documentId: "later" }]);
  });
});
