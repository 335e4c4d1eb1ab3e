import * as Y from "yjs";

// A section body's ProseMirror JSON read straight from its Y.XmlFragment, giving exactly what
// the editor binding's `yXmlFragmentToProsemirrorJSON` gives (tests/unit/collab/bodyJson.test.ts
// compares them on every seed and fixture), but without ProseMirror: a page shows every
// section's text from the shared document before it loads any editor code.

type Json = Record<string, unknown>;
type Delta = { insert: unknown; attributes?: Record<string, unknown> }[];

/** The binding stores a mark that may overlap itself (a comment) under `name--hash`. */
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

function serialize(item: unknown): Json | Json[] {
  if (item instanceof Y.XmlText) {
    return (item.toDelta() as Delta).map((d) => {
      const text: Json = { type: "text", text: d.insert };
      if (d.attributes) text.marks = Object.entries(d.attributes).map(([name, attrs]) => ({ type: HASHED_MARK.exec(name)?.[1] ?? name, attrs }));
      return text;
    });
  }
  if (item instanceof Y.XmlElement) {
    const node: Json = { type: item.nodeName };
    const attrs = item.getAttributes();
    if (Object.keys(attrs).length) node.attrs = attrs;
    const children = item.toArray();
    if (children.length) node.content = children.flatMap(serialize);
    return node;
  }
  throw new TypeError("a section body holds something other than XML elements and text");
}

/** The fragment as ProseMirror JSON, unchecked. Throws on a fragment the binding could not read either. */
export function fragmentToJson(fragment: Y.XmlFragment): Json {
  return { type: "doc", content: fragment.toArray().map(serialize) };
}
