import type * as Y from "yjs";

/** How many recently used sections keep their editor (and its undo history) off screen. */
export const RECENT_SECTIONS = 6;

/**
 * Which sections of one open document keep their editor when off screen: the few used
 * last (focused or typed in), and any with work in flight (an image uploading). Every other
 * section's editor stops once it has been off screen for a while, so a long document keeps
 * a bounded number of editors however far a person scrolls.
 */
export class LiveSections {
  private recent: string[] = [];
  private readonly busy = new Set<string>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly capacity = RECENT_SECTIONS) {}

  /** The section was just used: it keeps its editor until `capacity` others were used since. */
  used(key: string): void {
    if (this.recent[0] === key) return;
    this.recent = [key, ...this.recent.filter((k) => k !== key)];
    if (this.recent.length > this.capacity) {
      this.recent.length = this.capacity;
      this.changed();
    }
  }

  /** Work in the section's editor started (true) or ended (false). */
  setBusy(key: string, busy: boolean): void {
    if (busy) this.busy.add(key);
    else if (this.busy.delete(key)) this.changed();
  }

  keeps(key: string): boolean {
    return this.busy.has(key) || this.recent.includes(key);
  }

  /** Called whenever a section stops being kept. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

const byDocument = new WeakMap<Y.Doc, LiveSections>();

/** The live-section bookkeeping of the document behind `ydoc`. */
export function liveSectionsOf(ydoc: Y.Doc): LiveSections {
  let live = byDocument.get(ydoc);
  if (!live) byDocument.set(ydoc, (live = new LiveSections()));
  return live;
}
