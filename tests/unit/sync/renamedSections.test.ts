import { describe, expect, it } from "vitest";
import { renamedSections, withBaseIds } from "@/lib/sync/renamedSections";

const s = (id: string, bodyDigest = `body of ${id}`) => ({ id, bodyDigest });

describe("renamedSections", () => {
  it("pairs a section removed and one added in the same place, its body edited or not", () => {
    expect(renamedSections([s("a"), s("b"), s("c")], [s("a"), s("new", "edited"), s("c")])).toEqual(new Map([["new", "b"]]));
    expect(renamedSections([s("a"), s("b")], [s("a"), s("new")])).toEqual(new Map([["new", "b"]]));
    expect(renamedSections([s("a"), s("b")], [s("new"), s("b")])).toEqual(new Map([["new", "a"]]));
  });

  it("pairs as many renamed sections in one place in order", () => {
    expect(renamedSections([s("a"), s("b"), s("c")], [s("x"), s("y"), s("c")])).toEqual(new Map([["x", "a"], ["y", "b"]]));
  });

  it("pairs by body alone when a place lost and gained different numbers of sections", () => {
    // b renamed to "new" with its body as it was, and "added" added after it
    const renamed = renamedSections([s("a"), s("b"), s("c")], [s("a"), s("new", "body of b"), s("added"), s("c")]);
    expect(renamed).toEqual(new Map([["new", "b"]]));
    // two removed sections with the same body: which one was renamed cannot be told
    expect(renamedSections([s("a", "same"), s("b", "same")], [s("x", "same")]).size).toBe(0);
  });

  it("leaves removals and additions in different places as they are", () => {
    expect(renamedSections([s("a"), s("b"), s("c")], [s("a"), s("c"), s("new", "body of b")]).size).toBe(0);
    expect(renamedSections([s("a"), s("b")], [s("a"), s("b"), s("new")]).size).toBe(0);
    expect(renamedSections([s("a"), s("b")], [s("a")]).size).toBe(0);
  });

  it("gives renamed sections their base ids, and leaves the others", () => {
    expect(withBaseIds([s("a"), s("new")], new Map([["new", "b"]])).map((x) => x.id)).toEqual(["a", "b"]);
  });
});
