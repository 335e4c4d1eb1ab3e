/**
 * The class for a section's controls: shown while the pointer is over the section or the focus
 * is in it (keyboard users reach them with Tab), always on touch screens. The text comes first.
 */
export const ON_HOVER = "sw-on-hover";
