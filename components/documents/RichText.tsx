import type { CSSProperties, ReactNode } from "react";
import { codeLanguage } from "@/lib/editor/codeHighlight";
import { safeDocumentHref, safeImageSrc } from "@/lib/editor/documentUrls";
import { definitionSource, isHtmlComment } from "@/lib/editor/markdownNodes";
import type { PMMark, PMNode } from "@/lib/editor/schema";
import { linkAttributes } from "@/lib/util/safeUrl";
import { HighlightedCode } from "./HighlightedCode";

function withMarks(text: ReactNode, marks: PMMark[] | undefined, key: string | number): ReactNode {
  return (marks ?? []).reduce<ReactNode>((inner, mark, i) => {
    const k = `${key}-${i}`;
    switch (mark.type) {
      case "bold":
        return <strong key={k}>{inner}</strong>;
      case "italic":
        return <em key={k}>{inner}</em>;
      case "strike":
        return <s key={k}>{inner}</s>;
      case "code":
        return <code key={k}>{inner}</code>;
      case "link": {
        // only the address comes from the document; rel, target and class are ours
        const href = safeDocumentHref(mark.attrs?.href);
        const title = typeof mark.attrs?.title === "string" && mark.attrs.title ? mark.attrs.title : undefined;
        return href ? <a key={k} {...linkAttributes(href)} title={title}>{inner}</a> : inner;
      }
      default:
        return inner;
    }
  }, text);
}

const str = (value: unknown): string => (typeof value === "string" ? value : "");

/** Raw HTML is shown as its source, never as markup; comments are dimmed (the editor's classes). */
function rawHtml(html: string, key: string | number, block: boolean): ReactNode {
  const comment = isHtmlComment(html) ? " sw-raw-comment" : "";
  return block ? (
    <pre key={key} className={`sw-raw${comment}`} data-type="htmlBlock">
      {html}
    </pre>
  ) : (
    <code key={key} className={`sw-raw-inline${comment}`} data-type="htmlInline">
      {html}
    </code>
  );
}

function image(node: PMNode, key: string | number): ReactNode {
  const src = safeImageSrc(node.attrs?.src);
  const alt = str(node.attrs?.alt);
  if (!src) return <span key={key} className="text-slate-500 italic">{alt}</span>;
  const title = str(node.attrs?.title) || undefined;
  // eslint-disable-next-line @next/next/no-img-element -- a document's own image, any size, from an address checked above
  const img = <img key={key} src={src} alt={alt} title={title} />;
  return withMarks(<span key={key} className="sw-image">{img}</span>, node.marks, key);
}

function heading(node: PMNode, key: string | number, id?: string): ReactNode {
  const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 3)));
  const Tag = `h${level}` as "h1";
  return <Tag key={key} id={id} className="scroll-mt-4">{(node.content ?? []).map((c, i) => render(c, i))}</Tag>;
}

function cellAlign(node: PMNode): CSSProperties | undefined {
  const align = str(node.attrs?.align);
  return align ? { textAlign: align as "left" } : undefined;
}

function span(node: PMNode, name: string): number | undefined {
  const value = Number(node.attrs?.[name] ?? 1);
  return Number.isInteger(value) && value > 1 ? value : undefined;
}

// Every block is the element the editor draws for it (lib/editor/nodeSpecs.ts toDOM and the node
// views in components/editor), styled by the same `.sw-prose` rules (app/globals.css): a
// section's text keeps its place to the pixel when its editor takes over.
function render(node: PMNode, key: string | number): ReactNode {
  const children = () => (node.content ?? []).map((c, i) => render(c, i));
  switch (node.type) {
    case "text":
      return withMarks(node.text ?? "", node.marks, key);
    case "hardBreak":
      return <br key={key} />;
    case "placeholder":
      return <span key={key} className="sw-placeholder" data-placeholder="">{String(node.attrs?.label ?? "")}</span>;
    case "image":
      return image(node, key);
    case "htmlInline":
      return withMarks(rawHtml(str(node.attrs?.html), key, false), node.marks, key);
    case "htmlBlock":
      return rawHtml(str(node.attrs?.html), key, true);
    case "mention":
      return withMarks(
        <span key={key} className="sw-mention" data-type="mention" data-id={str(node.attrs?.id)} data-label={str(node.attrs?.label)}>
          @{str(node.attrs?.label)}
        </span>,
        node.marks,
        key,
      );
    case "footnoteReference":
      return <sup key={key} className="sw-footnote-ref" data-type="footnoteReference">[{str(node.attrs?.label) || str(node.attrs?.identifier)}]</sup>;
    case "footnoteDefinition":
      return (
        <div key={key} className="sw-footnote" data-type="footnoteDefinition" data-label={str(node.attrs?.label) || str(node.attrs?.identifier)}>
          {children()}
        </div>
      );
    case "definition":
      return (
        <div key={key} className="sw-raw sw-definition" data-type="definition">
          {definitionSource(str(node.attrs?.label), str(node.attrs?.url), str(node.attrs?.title) || null)}
        </div>
      );
    case "paragraph":
      // an empty paragraph is a line high, as ProseMirror draws it
      return <p key={key}>{node.content?.length ? children() : <br />}</p>;
    case "heading":
      return heading(node, key);
    case "bulletList":
      return <ul key={key}>{children()}</ul>;
    case "orderedList": {
      const start = Number(node.attrs?.start ?? 1);
      return <ol key={key} start={start === 1 ? undefined : start}>{children()}</ol>;
    }
    case "listItem":
      if (typeof node.attrs?.checked !== "boolean") return <li key={key}>{children()}</li>;
      return <li key={key} className="sw-checked-item" data-checked={String(node.attrs.checked)}>{children()}</li>;
    case "taskList":
      return <ul key={key} data-type="taskList">{children()}</ul>;
    case "taskItem":
      return (
        <li key={key} data-type="taskItem" data-checked={String(Boolean(node.attrs?.checked))}>
          <label>
            <input type="checkbox" checked={Boolean(node.attrs?.checked)} readOnly aria-label="Task done" />
            <span />
          </label>
          <div>{children()}</div>
        </li>
      );
    case "codeBlock": {
      const language = codeLanguage(node.attrs);
      return (
        <div key={key} className="sw-code relative" data-language={language}>
          <pre>
            <HighlightedCode code={(node.content ?? []).map((c) => c.text ?? "").join("")} language={language} />
          </pre>
          {/* where the editor's language picker sits */}
          <span className="absolute right-1 top-1 rounded bg-slate-800 px-1 text-xs text-slate-200">{language || "plain text"}</span>
        </div>
      );
    }
    case "mermaid":
      // as the editor shows a diagram until its drawing starts (mermaidNodeView.tsx)
      return (
        <div key={key} data-type="mermaid-block">
          <pre className="my-3 whitespace-pre-wrap rounded-lg border border-slate-200 p-2 font-mono text-xs text-slate-700" aria-label="Mermaid diagram source">{String(node.attrs?.source ?? "")}</pre>
        </div>
      );
    case "blockquote":
      return <blockquote key={key}>{children()}</blockquote>;
    case "horizontalRule":
      return <hr key={key} />;
    case "table":
      return (
        <table key={key}>
          <tbody>{children()}</tbody>
        </table>
      );
    case "tableRow":
      return <tr key={key}>{children()}</tr>;
    case "tableHeader":
      return <th key={key} scope="col" colSpan={span(node, "colspan")} rowSpan={span(node, "rowspan")} style={cellAlign(node)}>{children()}</th>;
    case "tableCell":
      return <td key={key} colSpan={span(node, "colspan")} rowSpan={span(node, "rowspan")} style={cellAlign(node)}>{children()}</td>;
    default:
      return <div key={key}>{children()}</div>;
  }
}

/**
 * Read-only rendering of a section body (no HTML strings: React escapes all text, raw HTML
 * included). Soft line breaks show where they are in the source, as in the editor.
 * `headingIds` are the ids of its top-level headings in order, so `#anchor` links land on them.
 * `className` replaces the text's own size and spacing (a section's text shown as its editor shows it).
 */
export function RichText({ doc, headingIds, className = "text-sm leading-6 whitespace-pre-wrap text-slate-800" }: { doc: PMNode; headingIds?: string[]; className?: string }) {
  let next = 0;
  // sw-prose: the editor's heading and code styles (app/globals.css), wherever the text is shown
  return <div className={`sw-prose ${className}`}>{(doc.content ?? []).map((n, i) => (n.type === "heading" ? heading(n, i, headingIds?.[next++]) : render(n, i)))}</div>;
}
