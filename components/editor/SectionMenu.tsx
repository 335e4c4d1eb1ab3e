"use client";

import { useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useFollowScroll } from "../ui/useFollowScroll";
import { usePopupMenu } from "../ui/usePopupMenu";
import { ON_HOVER } from "./onHover";

const ITEM = "block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none disabled:text-slate-400 disabled:hover:bg-transparent";

/** The menu's height at most (four items), to open it over its button when there is no room under it. */
const MENU_HEIGHT = 152;

type Place = { top: number; right: number } | { bottom: number; right: number };

interface Props {
  title: string;
  first: boolean;
  last: boolean;
  onRename: () => void;
  onMove: (by: -1 | 1) => void;
  onDelete: () => void;
}

/**
 * A section's actions behind one "⋯" button: rename, move up or down, delete. The menu is in
 * the page only while open, so a document of hundreds of sections carries one button each.
 */
export function SectionMenu({ title, first, last, onRename, onMove, onDelete }: Props) {
  // where the menu is: under the button (over it near the screen's bottom), its right edge at the button's (null: closed)
  const [at, setAt] = useState<Place | null>(null);
  const open = at !== null;
  const menu = useRef<HTMLDivElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const place = () => {
    const box = wrapper.current?.getBoundingClientRect();
    if (!box) return null;
    const right = document.documentElement.clientWidth - box.right;
    return box.bottom + 4 + MENU_HEIGHT <= window.innerHeight ? { top: box.bottom + 4, right } : { bottom: window.innerHeight - box.top + 4, right };
  };
  const setOpen = (wanted: boolean) => setAt(wanted ? place() : null);
  usePopupMenu(open, () => setOpen(false), menu, wrapper);
  // fixed on the screen: it follows its button when the page scrolls or changes size
  useFollowScroll(open, () => setAt((was) => (was ? place() : null)));
  const pick = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  return (
    <div ref={wrapper} className={`relative shrink-0 ${ON_HOVER}`}>
      <button type="button" className="sw-icon-button" aria-haspopup="menu" aria-expanded={open} aria-label={`Actions for section ${title}`} onClick={() => setOpen(!open)}>
        ⋯
      </button>
      {/* on the body: a section card contains its layout and paint (content-visibility), which would clip the menu */}
      {at
        ? createPortal(
            <div ref={menu} role="menu" aria-label={`Section ${title}`} style={at} className="fixed z-40 w-44 overflow-hidden rounded-md bg-white py-1 shadow-lg ring-1 ring-slate-200">
              <button type="button" role="menuitem" className={`${ITEM} text-slate-800`} onClick={pick(onRename)}>Rename</button>
              <button type="button" role="menuitem" className={`${ITEM} text-slate-800`} disabled={first} onClick={pick(() => onMove(-1))} title="Alt+↑ in the section">Move up</button>
              <button type="button" role="menuitem" className={`${ITEM} text-slate-800`} disabled={last} onClick={pick(() => onMove(1))} title="Alt+↓ in the section">Move down</button>
              <button type="button" role="menuitem" className={`${ITEM} text-red-700`} onClick={pick(onDelete)}>Delete</button>
            </div>,
            document.body,
          )
        : null}
    </div>
  );
}
