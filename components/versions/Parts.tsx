import type { Part } from "@/lib/versions/bodyDiff";

/** Text with insertions and deletions marked (`<ins>`/`<del>`, so they read as such without colour too). */
export function Parts({ parts }: { parts: Part[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i} className="rounded-sm bg-emerald-100 text-emerald-900 no-underline decoration-emerald-500 [text-decoration-line:underline]">{p.value}</ins>
        ) : p.removed ? (
          <del key={i} className="rounded-sm bg-red-100 text-red-900">{p.value}</del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </>
  );
}
