import type { ReactNode } from "react";
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
        return <code key={k} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em]">{inner}</code>;
      case "link": {
        // only the address comes from the document; rel, target and class are ours
        const href = safeDocumentHref(mark.attrs?.href);
        const title = typeof mark.attrs?.title === "string" && mark.attrs.title ? mark.attrs.title : undefined;
        return href ? <a key={k} {...linkAttributes(href)} title={title} className="text-indigo-700 underline">{inner}</a> : inner;
      }
      default:
        return inner;
    }
  }, text);
}

const str = (value: unknown): string => (typeof value === "string" ? value : "");
const ALIGN: Record<string, string> = { left: "text-left", center: "text-center", right: "text-right" };

/** Raw HTML is shown as its source, never as markup; comments are dimmed. */
function rawHtml(html: string, key: string | number, block: boolean): ReactNode {
  const tone = isHtmlComment(html) ? "text-slate-400 italic" : "text-slate-700";
  return block ? (
    <pre key={key} className={`my-2 overflow-x-auto rounded-md border border-dashed border-slate-300 bg-slate-50 p-2 font-mono text-xs ${tone}`} data-type="htmlBlock">
      {html}
    </pre>
  ) : (
    <code key={key} className={`rounded border border-dashed border-slate-300 bg-slate-50 px-1 font-mono text-[0.85em] ${tone}`} data-type="htmlInline">
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
  const img = <img key={key} src={src} alt={alt} title={title} className="inline-block max-w-full align-text-bottom" />;
  return withMarks(img, node.marks, key);
}

function heading(node: PMNode, key: string | number, id?: string): ReactNode {
  const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 3)));
  const Tag = `h${level}` as "h1";
  return <Tag key={key} id={id} className="scroll-mt-4">{(node.content ?? []).map((c, i) => render(c, i))}</Tag>;
}

function render(node: PMNode, key: string | number): ReactNode {
  const children = () => (node.content ?? []).map((c, i) => render(c, i));
  switch (node.type) {
    case "text":
      return withMarks(node.text ?? "", node.marks, key);
    case "hardBreak":
      return <br key={key} />;
    case "placeholder":
      return <span key={key} className="rounded bg-slate-100 px-1 text-slate-600 italic" data-placeholder="">{String(node.attrs?.label ?? "")}</span>;
    case "image":
      return image(node, key);
    case "htmlInline":
      return withMarks(rawHtml(str(node.attrs?.html), key, false), node.marks, key);
    case "htmlBlock":
      return rawHtml(str(node.attrs?.html), key, true);
    case "footnoteReference":
      return <sup key={key} className="text-indigo-700" data-type="footnoteReference">[{str(node.attrs?.label) || str(node.attrs?.identifier)}]</sup>;
    case "footnoteDefinition":
      return (
        <div key={key} className="my-2 flex gap-2 text-xs text-slate-700" data-type="footnoteDefinition">
          <span className="font-mono text-slate-500">[^{str(node.attrs?.label) || str(node.attrs?.identifier)}]:</span>
          <div className="min-w-0 flex-1">{children()}</div>
        </div>
      );
    case "definition":
      return (
        <p key={key} className="my-1 font-mono text-xs break-all text-slate-500" data-type="definition">
          {definitionSource(str(node.attrs?.label), str(node.attrs?.url), str(node.attrs?.title) || null)}
        </p>
      );
    case "paragraph":
      return <p key={key} className="my-2 min-h-[1em]">{children()}</p>;
    case "heading":
      return heading(node, key);
    case "bulletList":
      return <ul key={key} className="my-2 list-disc pl-6">{children()}</ul>;
    case "orderedList":
      return <ol key={key} start={Number(node.attrs?.start ?? 1)} className="my-2 list-decimal pl-6">{children()}</ol>;
    case "listItem":
      if (typeof node.attrs?.checked !== "boolean") return <li key={key}>{children()}</li>;
      return (
        <li key={key}>
          <input type="checkbox" checked={node.attrs.checked} readOnly aria-label="Task done" className="mr-2" />
          {children()}
        </li>
      );
    case "taskList":
      return <ul key={key} className="my-2 space-y-1" data-type="taskList">{children()}</ul>;
    case "taskItem":
      return (
        <li key={key} className="flex items-start gap-2">
          <input type="checkbox" checked={Boolean(node.attrs?.checked)} readOnly aria-label="Task done" className="mt-1.5" />
          <div>{children()}</div>
        </li>
      );
    case "codeBlock":
      return (
        <pre key={key} className="sw-code-block my-2 overflow-x-auto rounded-md bg-slate-900 p-3 text-slate-100" data-language={str(node.attrs?.language)}>
          <HighlightedCode code={(node.content ?? []).map((c) => c.text ?? "").join("")} language={codeLanguage(node.attrs)} />
        </pre>
      );
    case "mermaid":
      return (
        <figure key={key} className="my-2 rounded-md border border-indigo-200 bg-indigo-50/50 p-3" data-type="mermaid">
          <figcaption className="mb-1 text-xs font-medium text-indigo-700">Mermaid diagram</figcaption>
          <pre className="overflow-x-auto font-mono text-xs text-slate-800">{String(node.attrs?.source ?? "")}</pre>
        </figure>
      );
    case "blockquote":
      return <blockquote key={key} className="my-2 border-l-4 border-slate-300 pl-3 text-slate-700">{children()}</blockquote>;
    case "horizontalRule":
      return <hr key={key} className="my-4 border-slate-200" />;
    case "table":
      return (
        <div key={key} className="my-2 overflow-x-auto">
          <table className="min-w-full border-collapse text-sm"><tbody>{children()}</tbody></table>
        </div>
      );
    case "tableRow":
      return <tr key={key}>{children()}</tr>;
    case "tableHeader":
      return <th key={key} scope="col" className={`border border-slate-300 bg-slate-100 px-2 py-1 font-semibold ${ALIGN[str(node.attrs?.align)] ?? "text-left"}`}>{children()}</th>;
    case "tableCell":
      return <td key={key} className={`border border-slate-300 px-2 py-1 align-top ${ALIGN[str(node.attrs?.align)] ?? ""}`}>{children()}</td>;
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
