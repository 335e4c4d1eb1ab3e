import type { RoundTripGroup } from "@/lib/import/roundTrip";

function where(line: number | null, section: string | null): string {
  const at = line === null ? "only in the export" : `line ${line}`;
  return section ? `${at}, under “${section}”` : at;
}

/**
 * What an export right after the import would not give back identical, by construct with the
 * file's line numbers; says so plainly when the export reads the same as the file.
 */
export function RoundTripList({ groups }: { groups: RoundTripGroup[] }) {
  if (!groups.length) {
    return <p className="text-sm text-emerald-800">Exported right after the import, this file reads the same as it does now.</p>;
  }
  const total = groups.reduce((n, g) => n + g.notes.length, 0);
  return (
    <section aria-label="Won't come back identical" className="space-y-2 rounded-md bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-inset ring-amber-200">
      <h4 className="font-medium">
        {total} {total === 1 ? "thing" : "things"} won&apos;t come back identical in an export
      </h4>
      {groups.map((g) => (
        <details key={g.construct} open={g.notes.length <= 5}>
          <summary className="cursor-pointer">
            {g.name}: {g.notes.length}
          </summary>
          <ul aria-label={`${g.name} differences`} className="mt-1 max-h-48 list-disc space-y-0.5 overflow-y-auto pl-5">
            {g.notes.map((n, i) => (
              <li key={i}>
                <span className="text-amber-800">{where(n.line, n.section)}:</span> {n.message}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
