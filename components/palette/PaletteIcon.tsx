export type IconName = "document" | "section" | "go" | "download" | "link";

// 20×20 outlines in the style of the rest of the header (stroke, no fill)
const PATHS: Record<IconName, string> = {
  document: "M5.5 2.5h6l3.5 3.5v11a.5.5 0 0 1-.5.5h-9a.5.5 0 0 1-.5-.5v-14a.5.5 0 0 1 .5-.5Zm5.5 0V6.5h4M7.5 10h5M7.5 13h5",
  section: "M7.5 3 6 17M14 3l-1.5 14M3.5 7.5h13M3 12.5h13",
  go: "M4 10h11M11 5.5 15.5 10 11 14.5",
  download: "M10 3v9.5M6 9l4 4 4-4M4 16.5h12",
  link: "M8.5 11.5a3 3 0 0 0 4.24 0l2.5-2.5a3 3 0 0 0-4.24-4.24l-.75.75M11.5 8.5a3 3 0 0 0-4.24 0l-2.5 2.5a3 3 0 0 0 4.24 4.24l.75-.75",
};

/** A small outline icon for a row of the palette; decorative (hidden from screen readers). */
export function PaletteIcon({ name }: { name: IconName }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className="h-4 w-4 shrink-0 text-slate-500" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[name]} />
    </svg>
  );
}
