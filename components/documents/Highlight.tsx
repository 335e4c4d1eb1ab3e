/** Renders a search snippet whose matches sit between ⟦ and ⟧, as <mark> elements (no HTML parsing). */
export function Highlight({ text }: { text: string }) {
  const parts = text.split(/(⟦[^⟧]*⟧)/g);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith("⟦") && part.endsWith("⟧") ? (
          <mark key={i} className="rounded bg-amber-100 px-0.5 text-slate-900">{part.slice(1, -1)}</mark>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}
