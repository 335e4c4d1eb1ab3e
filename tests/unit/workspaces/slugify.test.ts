import { describe, expect, it } from "vitest";
import { slugify } from "@/lib/workspaces/createWorkspace";

describe("slugify", () => {
  it("makes URL-safe slugs", () => {
    expect(slugify("Ada's workspace")).toBe("ada-s-workspace");
    expect(slugify("Équipe Données")).toBe("equipe-donnees");
    expect(slugify("!!!")).toBe("workspace");
  });
});
