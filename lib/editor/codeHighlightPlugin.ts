import type { Node as PMNode } from "prosemirror-model";
import { Plugin, PluginKey } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { codeLanguage, loadedHighlighter, loadHighlighter } from "./codeHighlight";

const key = new PluginKey<DecorationSet>("codeHighlight");

function codeBlocks(doc: PMNode): { node: PMNode; pos: number }[] {
  const found: { node: PMNode; pos: number }[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === "codeBlock") {
      if (codeLanguage(node.attrs)) found.push({ node, pos });
      return false;
    }
    return !node.isTextblock;
  });
  return found;
}

function decorate(doc: PMNode): DecorationSet {
  const highlight = loadedHighlighter();
  if (!highlight) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const { node, pos } of codeBlocks(doc)) {
    const start = pos + 1;
    for (const span of highlight(node.textContent, codeLanguage(node.attrs)) ?? []) {
      decorations.push(Decoration.inline(start + span.from, start + span.to, { class: span.classes }));
    }
  }
  return decorations.length ? DecorationSet.create(doc, decorations) : DecorationSet.empty;
}

/**
 * Syntax highlighting of code blocks that name a language, as decorations: what is stored
 * never changes. The highlighter is loaded the first time an editor shows such a block;
 * until then blocks show as plain text.
 */
export function codeHighlight(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_, state) => decorate(state.doc),
      apply: (tr, old, _before, state) => (tr.docChanged || tr.getMeta(key) ? decorate(state.doc) : old),
    },
    props: {
      decorations: (state) => key.getState(state),
    },
    view(view) {
      let destroyed = false;
      const ensure = () => {
        if (loadedHighlighter() || !codeBlocks(view.state.doc).length) return;
        void loadHighlighter().then(() => {
          if (!destroyed) view.dispatch(view.state.tr.setMeta(key, true).setMeta("addToHistory", false));
        });
      };
      ensure();
      return {
        update: ensure,
        destroy: () => {
          destroyed = true;
        },
      };
    },
  });
}
