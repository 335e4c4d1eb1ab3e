/**
 * Where the person asked for a section's editor: a click's point, relative to the text's box
 * (the caret goes there), or the focus (caret at the start).
 */
export type Activation = { x: number; y: number } | "focus";

/**
 * Where in the text a press landed, relative to the text's box. A press made while the page
 * was still starting reaches here later, replayed with the coordinates it had then; when the
 * text has moved since, the point is outside it, and the middle of the element pressed (a
 * placeholder, a word) is taken instead.
 */
export function pressedAt(text: HTMLElement, target: EventTarget, clientX: number, clientY: number): { x: number; y: number } {
  const box = text.getBoundingClientRect();
  const inside = clientX >= box.left && clientX <= box.right && clientY >= box.top && clientY <= box.bottom;
  if (inside || !(target instanceof Element) || target === text) {
    return { x: Math.min(Math.max(clientX - box.left, 0), box.width), y: Math.min(Math.max(clientY - box.top, 0), box.height) };
  }
  const pressed = target.getBoundingClientRect();
  return { x: pressed.left + pressed.width / 2 - box.left, y: pressed.top + pressed.height / 2 - box.top };
}
