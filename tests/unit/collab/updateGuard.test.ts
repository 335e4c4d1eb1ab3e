import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createUpdateGuard } from "@/lib/collab/updateGuard";
import { bodyName, sectionsToYDoc } from "@/lib/collab/ydoc";

/** The raw socket message a provider sends for an update (document name, sync, update). */
function message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, "doc");
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function liveDocument(): Y.Doc {
  const live = new Y.Doc();
  const body = { type: "doc" as const, content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text: "Intro" }] }] };
  sectionsToYDoc(live, [{ key: "s1", title: "One", depth: 1, fields: {}, body }]);
  return live;
}

/** A client's copy of the document; `change` returns the update each change made. */
function clientOf(live: Y.Doc) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
  return {
    doc,
    change(make: (doc: Y.Doc) => void): Uint8Array {
      let made: Uint8Array = new Uint8Array();
      const keep = (update: Uint8Array) => (made = update);
      doc.on("update", keep);
      doc.transact(() => make(doc));
      doc.off("update", keep);
      return made;
    },
  };
}

const addParagraph = (text: string) => (doc: Y.Doc) => {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  const body = doc.getXmlFragment(bodyName("s1"));
  body.insert(body.length, [paragraph]);
};

/** Checks an update from `sender` the way the server does, applying it when it passes. */
function deliver(guard: ReturnType<typeof createUpdateGuard>, live: Y.Doc, update: Uint8Array, sender: string): string | null {
  const framed = message(update);
  const refused = guard.check(framed, sender);
  // the server applies the (possibly emptied) update it was handed
  if (!refused) Y.applyUpdate(live, framed.subarray(framed.length - update.length), sender);
  return refused;
}

describe("the update guard holds changes per sender", () => {
  it("one sender's held change never gets another person's edit refused", () => {
    const live = liveDocument();
    const guard = createUpdateGuard(live, () => undefined);
    // a crafted message: one part waits for a change never sent, the other adds a new part of
    // the document; held as a whole, it is checked once what it waits for arrives
    const attacker = clientOf(live);
    const withheld = attacker.change(addParagraph("never sent"));
    const waiting = attacker.change((doc) => doc.getMap("0").set("x", 1));
    const integrable = clientOf(live).change((doc) => doc.getMap("0").set("y", 2));
    expect(deliver(guard, live, Y.mergeUpdates([waiting, integrable]), "attacker")).toBeNull();

    const editor = clientOf(live);
    expect(deliver(guard, live, editor.change(addParagraph("legitimate")), "editor")).toBeNull();
    expect(live.getXmlFragment(bodyName("s1")).toString()).toContain("legitimate");
    expect(live.share.has("0")).toBe(false);
    // once complete, the held change is judged as the attacker's
    expect(deliver(guard, live, withheld, "attacker")).toMatch(/unknown document part 0/);
    expect(live.share.has("0")).toBe(false);
  });

  it("releases a sender's held change only with that sender's changes, and forgets a sender whose socket closed", () => {
    const live = liveDocument();
    const guard = createUpdateGuard(live, () => undefined);
    const body = () => live.getXmlFragment(bodyName("s1")).toString();
    // a sender whose first change arrives after its second
    const outOfOrder = (name: string) => {
      const client = clientOf(live);
      return { first: client.change(addParagraph(`${name} first`)), second: client.change(addParagraph(`${name} second`)) };
    };
    const editor = outOfOrder("editor");
    expect(deliver(guard, live, editor.second, "editor")).toBeNull();
    expect(body()).not.toContain("editor second");
    // someone else's change does not release it
    expect(deliver(guard, live, clientOf(live).change(addParagraph("other")), "other")).toBeNull();
    expect(body()).not.toContain("editor second");
    expect(deliver(guard, live, editor.first, "editor")).toBeNull();
    expect(body()).toContain("editor first");
    expect(body()).toContain("editor second");

    const gone = outOfOrder("gone");
    expect(deliver(guard, live, gone.second, "gone")).toBeNull();
    guard.forget("gone");
    expect(deliver(guard, live, gone.first, "gone")).toBeNull();
    expect(body()).toContain("gone first");
    expect(body()).not.toContain("gone second");
  });
});

describe("a sender replaying changes out of order", () => {
  it("gets them applied once what they wait for reached the document, even through someone else", () => {
    const live = liveDocument();
    const guard = createUpdateGuard(live, () => undefined);
    const body = () => live.getXmlFragment(bodyName("s1")).toString();
    const client = clientOf(live);
    const first = client.change(addParagraph("one"));
    const second = client.change(addParagraph("two"));
    const third = client.change(addParagraph("three"));
    // the second waits for the first
    expect(deliver(guard, live, second, "editor")).toBeNull();
    expect(body()).not.toContain("two");
    // the first reaches the document from another connection (another tab relaying it)
    expect(deliver(guard, live, first, "relay")).toBeNull();
    expect(body()).toContain("one");
    // the third continues the held second: both go in, in order
    expect(deliver(guard, live, third, "editor")).toBeNull();
    expect(body()).toMatch(/one.*two.*three/);
  });

  it("holds a sender's changes that run on from one waiting for someone else's, and lets them all in once it arrives", () => {
    const live = liveDocument();
    const guard = createUpdateGuard(live, () => undefined);
    const body = () => live.getXmlFragment(bodyName("s1")).toString();
    // someone's paragraph the server has not had yet, and an editor who already wrote after it
    const other = clientOf(live);
    const theirs = other.change(addParagraph("theirs"));
    const editor = clientOf(live);
    Y.applyUpdate(editor.doc, theirs);
    const edits = ["mine 1", "mine 2", "mine 3"].map((text) => editor.change(addParagraph(text)));
    for (const edit of edits) expect(deliver(guard, live, edit, "editor")).toBeNull();
    expect(body()).not.toContain("mine");
    // what they wait for arrives from its author: the editor's next change brings them all in, in order
    expect(deliver(guard, live, theirs, "other")).toBeNull();
    expect(deliver(guard, live, editor.change(addParagraph("mine 4")), "editor")).toBeNull();
    expect(body()).toMatch(/theirs.*mine 1.*mine 2.*mine 3.*mine 4/);
  });

  it("holds each change that waits for another without applying anything, up to the bound, then refuses and drops them all", () => {
    const live = liveDocument();
    const guard = createUpdateGuard(live, () => undefined);
    const before = Y.encodeStateAsUpdate(live);
    const client = clientOf(live);
    const updates = Array.from({ length: 202 }, (_, i) => client.change(addParagraph(`line ${i}`)));
    // never the first: every other one waits for it
    const answers = updates.slice(1).map((update) => deliver(guard, live, update, "editor"));
    expect(answers.slice(0, 200)).toEqual(Array(200).fill(null));
    expect(answers[200]).toMatch(/depends on changes the server does not have/);
    expect(Y.encodeStateAsUpdate(live)).toEqual(before);
    // what was held went with the refusal: the first change now brings only itself
    expect(deliver(guard, live, updates[0]!, "editor")).toBeNull();
    expect(live.getXmlFragment(bodyName("s1")).toString()).toContain("line 0");
    expect(live.getXmlFragment(bodyName("s1")).toString()).not.toContain("line 1<");
  });
});

describe("typing into existing text (checked a paragraph at a time)", () => {
  function documentWith(): Y.Doc {
    const live = new Y.Doc();
    const body = {
      type: "doc" as const,
      content: [
        { type: "paragraph" as const, content: [{ type: "text" as const, text: "Intro" }] },
        { type: "codeBlock" as const, attrs: { language: "ts" }, content: [{ type: "text" as const, text: "let x = 1;" }] },
      ],
    };
    sectionsToYDoc(live, [{ key: "s1", title: "One", depth: 1, fields: {}, body }]);
    return live;
  }
  /** The existing text of the body's `index`th element. */
  const textOf = (doc: Y.Doc, index: number) => (doc.getXmlFragment(bodyName("s1")).get(index) as Y.XmlElement).get(0) as Y.XmlText;

  it("is stored when it is rich text the schema allows", () => {
    const live = documentWith();
    const guard = createUpdateGuard(live, () => undefined);
    const client = clientOf(live);
    expect(deliver(guard, live, client.change((doc) => textOf(doc, 0).insert(5, " text", { bold: {} })), "editor")).toBeNull();
    expect(deliver(guard, live, client.change((doc) => textOf(doc, 1).insert(10, "\nx += 1;")), "editor")).toBeNull();
    expect(live.getXmlFragment(bodyName("s1")).toString()).toContain("Intro<bold> text</bold>");
    expect(textOf(live, 1).toString()).toBe("let x = 1;\nx += 1;");
  });

  it("stores characters typed and deleted in two elements at once, and what others typed around them", () => {
    const live = documentWith();
    const guard = createUpdateGuard(live, () => undefined);
    const [one, two] = [clientOf(live), clientOf(live)];
    const first = one.change((doc) => (textOf(doc, 0).delete(0, 2), textOf(doc, 1).insert(0, "const ")));
    const second = two.change((doc) => textOf(doc, 0).insert(5, "!"));
    expect(deliver(guard, live, first, "one")).toBeNull();
    expect(deliver(guard, live, second, "two")).toBeNull();
    expect(textOf(live, 0).toString()).toBe("tro!");
    expect(textOf(live, 1).toString()).toBe("const let x = 1;");
  });

  it.each([
    ["a mark the schema does not know", (doc: Y.Doc) => textOf(doc, 0).insert(5, "!", { blink: {} })],
    ["a link to javascript:", (doc: Y.Doc) => textOf(doc, 0).format(0, 5, { link: { href: "javascript:alert(1)" } })],
    ["bold inside a code block", (doc: Y.Doc) => textOf(doc, 1).format(0, 3, { bold: {} })],
    ["text PostgreSQL cannot store (NUL)", (doc: Y.Doc) => textOf(doc, 0).insert(5, "a\u0000b")],
    ["something that is not text", (doc: Y.Doc) => textOf(doc, 0).insertEmbed(5, { script: "alert(1)" })],
  ])("is refused when it adds %s, and the document keeps its text", (_what, change) => {
    const live = documentWith();
    const guard = createUpdateGuard(live, () => undefined);
    const before = live.getXmlFragment(bodyName("s1")).toString();
    expect(deliver(guard, live, clientOf(live).change(change), "editor")).not.toBeNull();
    expect(live.getXmlFragment(bodyName("s1")).toString()).toBe(before);
    // the next legitimate keystroke is stored
    expect(deliver(guard, live, clientOf(live).change((doc) => textOf(doc, 0).insert(5, "!")), "other")).toBeNull();
    expect(textOf(live, 0).toString()).toBe("Intro!");
  });
});
