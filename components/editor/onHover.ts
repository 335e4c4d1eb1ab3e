/**
 * Classes for a section's controls: shown while the pointer is over the section or the focus
 * is in it (keyboard users reach them with Tab), always on touch screens. The text comes first.
 */
export const ON_HOVER = "opacity-0 transition-opacity group-hover/section:opacity-100 group-focus-within/section:opacity-100 focus-within:opacity-100 [@media(hover:none)]:opacity-100";
