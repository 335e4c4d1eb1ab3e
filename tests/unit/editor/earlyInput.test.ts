import { JSDOM } from "jsdom";
import { afterEach, describe, expect, it } from "vitest";
import { holdSectionInputScript, takeEarlyInput } from "@/components/editor/earlyInput";

/** A document page as the server sends it: two sections' read-only text, a title field, and the inline holder before them. */
function page(): JSDOM {
  const dom = new JSDOM(
    `<!DOCTYPE html><body><script>${holdSectionInputScript()}</script>
      <input id="title" value="Title">
      <button id="submit" type="button">Submit for review</button><a id="home" href="#home">Documents</a>
      <section data-section-key="goals"><div data-static-body tabindex="0"><p><span data-placeholder>[Goal]</span></p></div></section>
      <section data-section-key="risks"><div data-static-body tabindex="0"><p>Known risks</p></div></section>
      <section data-section-key="scope"><div data-static-body tabindex="0" aria-readonly="false"><div class="sw-prose"><p>In scope</p></div></div></section>
      <section data-section-key="empty"><div data-static-body tabindex="0" aria-readonly="false"><div class="sw-prose"><p class="sw-empty-body" data-placeholder="Type / for blocks"><br></p></div></div></section>
      <section data-section-key="summary"><div data-static-body tabindex="0" aria-readonly="false"><div class="sw-prose"><p><span data-placeholder>[Summary]</span></p></div></div></section>
      <section data-section-key="notes"><div data-static-body tabindex="0" aria-readonly="true"><div class="sw-prose"><p>Read only</p></div></div></section>
    </body>`,
    { runScripts: "dangerously" },
  );
  (globalThis as { window?: unknown }).window = dom.window;
  return dom;
}

function press(dom: JSDOM, target: Element): boolean {
  return target.dispatchEvent(new dom.window.MouseEvent("mousedown", { bubbles: true, cancelable: true, button: 0, clientX: 4, clientY: 4 }));
}

function key(dom: JSDOM, key: string, init: KeyboardEventInit = {}): boolean {
  const target = dom.window.document.activeElement ?? dom.window.document.body;
  return target.dispatchEvent(new dom.window.KeyboardEvent("keydown", { bubbles: true, cancelable: true, key, ...init }));
}

/** A paste on the focused element, carrying `data` as a browser's clipboard would (jsdom has no ClipboardEvent). */
function paste(dom: JSDOM, data: Record<string, string>): boolean {
  const target = dom.window.document.activeElement ?? dom.window.document.body;
  const event = new dom.window.Event("paste", { bubbles: true, cancelable: true });
  Object.defineProperty(event, "clipboardData", { value: { getData: (type: string) => data[type] ?? "", files: [] } });
  return target.dispatchEvent(event);
}

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe("input in a section's text before the page's code runs", () => {
  it("keeps the press and the keys typed after it for that section, and nothing for another", () => {
    const dom = page();
    const goals = dom.window.document.querySelector("[data-placeholder]")!;
    expect(press(dom, goals)).toBe(false); // the text is not selected: the press is the editor's
    expect(dom.window.document.activeElement?.closest("section")?.getAttribute("data-section-key")).toBe("goals");
    expect(key(dom, "a")).toBe(false);
    key(dom, "Shift");
    key(dom, "B", { shiftKey: true });
    key(dom, "Enter");
    const early = takeEarlyInput("goals");
    expect(early?.activation).toEqual({ x: expect.any(Number), y: expect.any(Number) });
    expect(early?.keys.map((k) => k.key)).toEqual(["a", "B", "Enter"]);
    expect(early?.keys[1]?.shiftKey).toBe(true);
    expect(takeEarlyInput("goals")).toBeNull();
    expect(takeEarlyInput("risks")).toBeNull();
  });

  it("keeps the focus reaching a section as where its editor starts", () => {
    const dom = page();
    (dom.window.document.querySelectorAll("[data-static-body]")[1] as HTMLElement).focus();
    key(dom, "x");
    expect(takeEarlyInput("risks")).toEqual({ activation: "focus", keys: [{ key: "x", ctrlKey: false, metaKey: false, altKey: false, shiftKey: false }], edited: null });
  });

  it("holds no keys typed outside a section's text, nor any once the page's code took over", () => {
    const dom = page();
    (dom.window.document.getElementById("title") as HTMLInputElement).focus();
    expect(key(dom, "t")).toBe(true);
    press(dom, dom.window.document.querySelectorAll("[data-static-body] p")[1]!);
    key(dom, "1");
    const early = takeEarlyInput("risks");
    expect(early?.keys.map((k) => k.key)).toEqual(["1"]);
    // the holder has stopped: the page's own handlers take presses and keys now
    expect(key(dom, "2")).toBe(true);
    expect(press(dom, dom.window.document.querySelector("[data-placeholder]")!)).toBe(true);
    expect(takeEarlyInput("goals")).toBeNull();
  });

  it("keeps a click on a control for the page's code, and makes it again once that code has run", async () => {
    const dom = page();
    const { document } = dom.window;
    // the page's own listener, as React's comes: after the holder
    const reached: string[] = [];
    document.addEventListener("click", (event) => reached.push((event.target as Element).id || (event.target as Element).tagName), true);
    const submit = document.getElementById("submit")!;
    expect(submit.dispatchEvent(new dom.window.MouseEvent("click", { bubbles: true, cancelable: true }))).toBe(false);
    submit.dispatchEvent(new dom.window.MouseEvent("click", { bubbles: true, cancelable: true }));
    // a link is a link without the code: not held
    document.getElementById("home")!.dispatchEvent(new dom.window.MouseEvent("click", { bubbles: true, cancelable: true }));
    expect(reached).toEqual(["home"]);
    expect(takeEarlyInput("goals")).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 10));
    // clicked again once, the two presses that got no answer being one
    expect(reached).toEqual(["home", "submit"]);
    takeEarlyInput("risks");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reached).toEqual(["home", "submit"]);
  });

  it("lets the browser edit a pressed text, caret where the press landed, keeping the keys for the editor", () => {
    const dom = page();
    const { document } = dom.window;
    const prose = document.querySelector<HTMLElement>('[data-section-key="scope"] .sw-prose')!;
    expect(press(dom, prose.querySelector("p")!)).toBe(false);
    expect(prose.getAttribute("contenteditable")).toBe("true");
    expect(dom.window.getSelection()?.anchorNode && prose.contains(dom.window.getSelection()!.anchorNode)).toBe(true);
    // the key goes on to the browser, which types it in the text; it is kept too
    const typed = prose.dispatchEvent(new dom.window.KeyboardEvent("keydown", { bubbles: true, cancelable: true, key: "x" }));
    expect(typed).toBe(true);
    // an edit from a paste is never the browser's to make (the paste itself is held for the editor, below)
    const paste = new dom.window.InputEvent("beforeinput", { bubbles: true, cancelable: true, inputType: "insertFromPaste" });
    expect(prose.dispatchEvent(paste)).toBe(false);
    const early = takeEarlyInput("scope");
    expect(early?.edited).toBe(prose);
    expect(dom.window.specwrightEarlyEdits?.get(prose)?.before).toBe("<p>In scope</p>");

  });

  it("keeps the caret out of a placeholder's hint in a text the browser edits, and keeps the text as drawn for the handover", () => {
    const dom = page();
    const prose = dom.window.document.querySelector<HTMLElement>('[data-section-key="summary"] .sw-prose')!;
    press(dom, prose.querySelector("p")!);
    expect(prose.getAttribute("contenteditable")).toBe("true");
    expect(prose.querySelector("[data-placeholder]")!.getAttribute("contenteditable")).toBe("false");
    expect(dom.window.specwrightEarlyEdits?.get(prose)?.before).toBe('<p><span data-placeholder="">[Summary]</span></p>');
  });

  it("leaves a reader's text read-only: the press waits for the editor as before", () => {
    const dom = page();
    const readOnly = dom.window.document.querySelector<HTMLElement>('[data-section-key="notes"] .sw-prose')!;
    expect(press(dom, readOnly.querySelector("p")!)).toBe(false);
    expect(readOnly.hasAttribute("contenteditable")).toBe(false);
    expect(takeEarlyInput("notes")).toMatchObject({ edited: null });
  });

  it("puts the caret in an empty text's line when pressed, not a selection of its hint", () => {
    const dom = page();
    const prose = dom.window.document.querySelector<HTMLElement>('[data-section-key="empty"] .sw-prose')!;
    press(dom, prose.querySelector("p")!);
    expect(prose.getAttribute("contenteditable")).toBe("true");
    expect(dom.window.getSelection()?.isCollapsed).toBe(true);
  });

  it("keeps waiting for the editor when keys were held before the press (the focus came first): they are pressed there, not lost", () => {
    const dom = page();
    const { document } = dom.window;
    const text = document.querySelector<HTMLElement>('[data-section-key="scope"] [data-static-body]')!;
    text.focus();
    expect(key(dom, "a")).toBe(false);
    press(dom, text.querySelector("p")!);
    expect(text.querySelector(".sw-prose")!.hasAttribute("contenteditable")).toBe(false);
    key(dom, "b");
    expect(takeEarlyInput("scope")).toMatchObject({ edited: null, keys: [{ key: "a" }, { key: "b" }] });
  });

  it("keeps the caret of a text the browser edits up to date as each key is typed, not only when the browser later reports it", () => {
    const dom = page();
    const { document } = dom.window;
    const prose = document.querySelector<HTMLElement>('[data-section-key="scope"] .sw-prose')!;
    press(dom, prose.querySelector("p")!);
    // the browser types a character: the text changes, the caret moves after it, and input fires
    const text = prose.querySelector("p")!.firstChild as Text;
    text.data = "In scope!";
    dom.window.getSelection()!.collapse(text, text.length);
    prose.dispatchEvent(new dom.window.InputEvent("input", { bubbles: true, inputType: "insertText", data: "!" }));
    // read at once, as a handover in the same task would (selectionchange comes later)
    expect(dom.window.specwrightEarlyEdits?.get(prose)?.caret).toEqual({ node: text, offset: text.length });
  });

  it("holds a paste in a text the browser edits for the editor, in its place among the keys, and the keys after it", () => {
    const dom = page();
    const { document } = dom.window;
    const prose = document.querySelector<HTMLElement>('[data-section-key="scope"] .sw-prose')!;
    press(dom, prose.querySelector("p")!);
    // typed by the browser before the paste
    expect(key(dom, "a")).toBe(true);
    // the keys that paste are the browser's: it then sends the paste event, which is held
    expect(key(dom, "v", { ctrlKey: true })).toBe(true);
    // the paste is not made by the browser: the editor makes it (Markdown, HTML) once it starts
    expect(paste(dom, { "text/plain": "**pasted** words", "text/html": "" })).toBe(false);
    expect(prose.hasAttribute("data-paste-pending")).toBe(true);
    expect(prose.innerHTML).toBe("<p>In scope</p>");
    // what follows waits for the editor, which pastes first (a second paste by keys still reaches the browser);
    // a press there leaves the caret where the paste goes
    expect(key(dom, "b")).toBe(false);
    expect(key(dom, "V", { metaKey: true, shiftKey: true })).toBe(true);
    const caret = dom.window.specwrightEarlyEdits?.get(prose)?.caret;
    expect(press(dom, prose.querySelector("p")!)).toBe(false);
    expect(dom.window.specwrightEarlyEdits?.get(prose)?.caret).toEqual(caret);
    const early = takeEarlyInput("scope");
    expect(early?.edited).toBe(prose);
    expect(early?.keys.map((k) => k.key)).toEqual(["a", "Paste", "b"]);
    expect(early?.keys[1]?.paste).toEqual({ html: "", text: "**pasted** words", files: [] });
  });

  it("holds a paste in a focused text whose keys wait for the editor, and none with nothing on the clipboard or outside a section", () => {
    const dom = page();
    const { document } = dom.window;
    (document.querySelectorAll("[data-static-body]")[1] as HTMLElement).focus();
    expect(paste(dom, {})).toBe(false);
    expect(paste(dom, { "text/html": "<b>bold</b>", "text/plain": "bold" })).toBe(false);
    expect(takeEarlyInput("risks")?.keys).toEqual([{ key: "Paste", ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, paste: { html: "<b>bold</b>", text: "bold", files: [] } }]);
    (document.getElementById("title") as HTMLInputElement).focus();
    expect(paste(dom, { "text/plain": "a title" })).toBe(true);
    // a reader's text: nothing is held for an editor that could not paste it
    (document.querySelector('[data-section-key="notes"] [data-static-body]') as HTMLElement).focus();
    expect(paste(dom, { "text/plain": "not here" })).toBe(true);
    expect(takeEarlyInput("notes")?.keys ?? []).toEqual([]);
  });
});
