"use client";

import { usePanel } from "./usePanel";

interface Props {
  outline: React.ReactNode;
  /** title, status bar, notices: above the panel on a narrow screen */
  top: React.ReactNode;
  panel: React.ReactNode;
  /** the sections */
  body: React.ReactNode;
}

/**
 * The document page's columns: outline, text, and on a wide screen the side panel. With the
 * panel open the page takes the window's width (up to 88rem) so the text column stays about
 * 38rem at 1280 px; below `xl` the panel comes after the status bar, before the text.
 */
export function DocumentLayout({ outline, top, panel, body }: Props) {
  const { wideOpen } = usePanel();
  const withPanel = panel !== null && wideOpen;
  return (
    <div className={`grid gap-8 lg:grid-cols-[14rem_minmax(0,1fr)] ${withPanel ? "xl:mx-[max(calc(50%-50vw+1rem),calc(50%-44rem))]" : ""}`}>
      {outline}
      <article className={`grid min-w-0 content-start gap-6 ${withPanel ? "xl:grid-cols-[minmax(0,1fr)_22rem] xl:gap-x-8" : ""}`}>
        <div className="min-w-0 space-y-4 xl:col-start-1">{top}</div>
        {panel}
        <div className="min-w-0 space-y-6 xl:col-start-1">{body}</div>
      </article>
    </div>
  );
}
