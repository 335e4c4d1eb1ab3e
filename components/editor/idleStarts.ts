/**
 * Editors that sections near the screen ask for, started one at a time when the browser is
 * idle, in the order asked. A page that just arrived has several such sections; starting them
 * all in one go held the main thread for hundreds of ms, right when a person's first click
 * wants its section's editor (which starts at once, outside this queue).
 */
const waiting = new Set<() => void>();
let scheduled = false;

/** Longest a start waits for an idle moment on a page that never has one. */
const MAX_WAIT_MS = 1500;

function next(): void {
  scheduled = false;
  const [start] = waiting;
  if (!start) return;
  waiting.delete(start);
  start();
  schedule();
}

function schedule(): void {
  if (scheduled || waiting.size === 0) return;
  scheduled = true;
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(next, { timeout: MAX_WAIT_MS });
  else window.setTimeout(next, 50);
}

/** Calls `start` at the next idle moment left after those queued before it; the returned function takes it out of the queue. */
export function startWhenIdle(start: () => void): () => void {
  const entry = () => start();
  waiting.add(entry);
  schedule();
  return () => {
    waiting.delete(entry);
  };
}
