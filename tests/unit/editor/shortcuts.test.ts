import { describe, expect, it } from "vitest";
import { isMacPlatform, shortcutText } from "@/lib/editor/shortcuts";

describe("shortcuts as people read them", () => {
  it("writes Mod as Ctrl, and names the keys for assistive technology", () => {
    expect(shortcutText("Mod-b", false)).toEqual({ label: "Ctrl+B", aria: "Control+B" });
    expect(shortcutText("Mod-Shift-8", false)).toEqual({ label: "Ctrl+Shift+8", aria: "Control+Shift+8" });
    expect(shortcutText("Mod-Alt-c", false)).toEqual({ label: "Ctrl+Alt+C", aria: "Control+Alt+C" });
  });

  it("writes Mod as Command on a Mac, modifiers in Apple's order", () => {
    expect(shortcutText("Mod-b", true)).toEqual({ label: "⌘B", aria: "Meta+B" });
    expect(shortcutText("Mod-Shift-8", true)).toEqual({ label: "⇧⌘8", aria: "Meta+Shift+8" });
    expect(shortcutText("Mod-Alt-3", true)).toEqual({ label: "⌥⌘3", aria: "Meta+Alt+3" });
  });

  it("tells Apple platforms apart", () => {
    expect(isMacPlatform("MacIntel")).toBe(true);
    expect(isMacPlatform("iPhone")).toBe(true);
    expect(isMacPlatform("Linux x86_64")).toBe(false);
    expect(isMacPlatform("Win32")).toBe(false);
  });
});
