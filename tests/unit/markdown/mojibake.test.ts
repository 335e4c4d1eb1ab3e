import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectMojibake, repairMojibake } from "@/lib/markdown/mojibake";

/** What UTF-8 text looks like after a tool decoded it as Mac Roman (WHATWG decoder, Apple logo kept). */
const asMacRoman = (text: string): string => new TextDecoder("macintosh").decode(new TextEncoder().encode(text));
/** … as Windows-1252 (iconv-lite's table). */
const asWindows1252 = (text: string): string => iconv.decode(Buffer.from(text, "utf8"), "windows-1252");
/** … as ISO-8859-1, which shows bytes 0x80–0x9F as C1 controls. */
const asLatin1 = (text: string): string => Buffer.from(text, "utf8").toString("latin1");

function seed003(): string {
  const beside = path.resolve(process.cwd(), "../shared/seeds");
  const dir = existsSync(beside) ? beside : "/work/shared/seeds";
  return readFileSync(path.join(dir, "003_9d4da6775430f4ee.txt"), "utf8");
}

describe("repairMojibake", () => {
  it("restores emoji and arrows that were decoded as Mac Roman", () => {
    expect(repairMojibake("## \uf8ffüìã **Document Control**")).toBe("## 📋 **Document Control**");
    expect(repairMojibake("1. **Code Commit** ‚Üí GitHub")).toBe("1. **Code Commit** → GitHub");
    expect(repairMojibake(asMacRoman("Box ┌─┐ and ⚡ and ✅"))).toBe("Box ┌─┐ and ⚡ and ✅");
  });

  it("restores a Mac Roman emoji whose Apple-logo lead byte was dropped", () => {
    expect(repairMojibake("## üìã **Document Control**")).toBe("## 📋 **Document Control**");
  });

  it("restores a Mac Roman emoji whose lead byte became a replacement character", () => {
    expect(repairMojibake("\ufffdüìã Document Control")).toBe("📋 Document Control");
  });

  it("keeps emoji sequences joined with ZWJ and variation selectors whole", () => {
    expect(repairMojibake(asMacRoman("🏃‍♂️ Implementation Plan and 🏗️"))).toBe("🏃‍♂️ Implementation Plan and 🏗️");
  });

  it("restores text that was decoded as Windows-1252", () => {
    expect(repairMojibake("cafÃ© and naÃ¯ve")).toBe("café and naïve");
    expect(repairMojibake(asWindows1252("It’s ‘quoted’ – Équipe € 5"))).toBe("It’s ‘quoted’ – Équipe € 5");
  });

  it("restores Windows-1252 bytes that browsers show as C1 controls", () => {
    // ” is E2 80 9D; 0x9D is unassigned in Windows-1252 and decodes to U+009D
    expect(repairMojibake("â€œhiâ€\u009d")).toBe("“hi”");
  });

  it("restores text that was decoded as ISO-8859-1", () => {
    expect(repairMojibake(asLatin1("It’s “quoted” — Équipe"))).toBe("It’s “quoted” — Équipe");
  });

  it("leaves clean text untouched, accents, CJK and real emoji included", () => {
    for (const clean of ["Équipe", "naïve café", "Ærøskøbing", "日本語のテキスト", "📋 Document Control → next", "plain ASCII", "", "« Bonjour » — ça va ?"]) {
      expect(repairMojibake(clean)).toBe(clean);
    }
  });

  it("repairs garbled passages even when real non-ASCII text sits beside them", () => {
    expect(repairMojibake("Équipe: ‚Üí next")).toBe("Équipe: → next");
  });

  it("is idempotent", () => {
    const once = repairMojibake(seed003());
    expect(repairMojibake(once)).toBe(once);
  });

  it("repairs seed 003 so no Mac Roman garbling is left", () => {
    const repaired = repairMojibake(seed003());
    expect(repaired).toContain("## 📋 **Document Control**");
    expect(repaired).toContain("## 🏃‍♂️ **Implementation Plan**");
    expect(repaired).not.toMatch(/üì|‚Ü|\uf8ff/);
    expect(detectMojibake(repaired)).toBeNull();
  });
});

describe("detectMojibake", () => {
  it("reports Mac Roman garbling with a sample of it", () => {
    const report = detectMojibake("Intro\n\n## üìã **Document Control**");
    expect(report?.encoding).toBe("macroman");
    expect(report?.sample).toContain("üìã");
  });

  it("reports Windows-1252 garbling", () => {
    expect(detectMojibake("The cafÃ© opens at nine")?.encoding).toBe("windows-1252");
  });

  it("returns null for clean text", () => {
    expect(detectMojibake("Équipe naïve café — 日本語 📋")).toBeNull();
  });

  it("finds the garbling in seed 003", () => {
    expect(detectMojibake(seed003())).toMatchObject({ encoding: "macroman" });
  });
});
