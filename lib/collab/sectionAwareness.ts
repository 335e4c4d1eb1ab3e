import type { Awareness } from "y-protocols/awareness";

/** What a client publishes about its caret: Yjs relative positions, and the section they are in. */
interface Cursor {
  anchor: unknown;
  head: unknown;
  section?: string;
}

type State = { [field: string]: unknown; cursor?: Cursor | null };

interface Change {
  added: number[];
  updated: number[];
  removed: number[];
}

function sectionOf(state: State | null | undefined): string | null {
  return state?.cursor?.section ?? null;
}

/**
 * One document's awareness, seen section by section. Each section's editor draws the
 * carets of the people in that section only, and hears about a change only when a caret
 * entered, moved in or left that section: one remote keystroke redraws one editor, not
 * every editor on the page.
 */
export class SectionAwarenessHub {
  private readonly views = new Map<string, SectionAwareness>();
  /** the section each client's caret was last seen in */
  private readonly placed = new Map<number, string>();

  constructor(readonly awareness: Awareness) {
    awareness.on("change", this.onChange);
  }

  /** The awareness an editor of `section` works with (one per section, reused). */
  forSection(section: string): SectionAwareness {
    let view = this.views.get(section);
    if (!view) {
      view = new SectionAwareness(this, section);
      this.views.set(section, view);
    }
    return view;
  }

  /** Clients whose caret is in `section`, with their state. */
  statesIn(section: string): Map<number, State> {
    const states = new Map<number, State>();
    this.awareness.getStates().forEach((state, clientId) => {
      if (sectionOf(state as State) === section) states.set(clientId, state as State);
    });
    return states;
  }

  destroy(): void {
    this.awareness.off("change", this.onChange);
    this.views.clear();
  }

  private readonly onChange = ({ added, updated, removed }: Change): void => {
    const touched = new Set<string>();
    const states = this.awareness.getStates();
    for (const clientId of [...added, ...updated, ...removed]) {
      const before = this.placed.get(clientId);
      const after = sectionOf(states.get(clientId) as State | undefined);
      if (before) touched.add(before);
      if (after) {
        touched.add(after);
        this.placed.set(clientId, after);
      } else this.placed.delete(clientId);
    }
    for (const section of touched) this.views.get(section)?.changed();
  };
}

/**
 * The subset of y-protocols' Awareness that a caret plugin uses, narrowed to one section:
 * it lists only the carets in the section, reports the local caret only while it is in
 * the section, tags the caret it publishes with the section, and clears the local caret
 * only when it is this section's.
 */
export class SectionAwareness {
  private readonly listeners = new Set<(change: Change, origin: unknown) => void>();

  constructor(
    private readonly hub: SectionAwarenessHub,
    readonly section: string,
  ) {}

  get clientID(): number {
    return this.hub.awareness.clientID;
  }

  get doc() {
    return this.hub.awareness.doc;
  }

  getStates(): Map<number, State> {
    return this.hub.statesIn(this.section);
  }

  /** The same as getStates(), as a caret extension reads it. */
  get states(): Map<number, State> {
    return this.getStates();
  }

  getLocalState(): State | null {
    const state = this.hub.awareness.getLocalState() as State | null;
    if (!state) return null;
    return sectionOf(state) === this.section ? state : { ...state, cursor: null };
  }

  /**
   * Publishes the local caret, tagged with this section. The person's name and colour
   * (`user`) are the document's, published once when it opens (useCollabDocument): a
   * section's editor setting them again is ignored, so mounting an editor sends nothing.
   */
  setLocalStateField(field: string, value: unknown): void {
    if (field === "user") return;
    if (field !== "cursor") {
      this.hub.awareness.setLocalStateField(field, value);
      return;
    }
    if (value === null || value === undefined) {
      // another section's editor may own the caret by now
      if (sectionOf(this.hub.awareness.getLocalState() as State | null) === this.section) this.hub.awareness.setLocalStateField("cursor", null);
      return;
    }
    this.hub.awareness.setLocalStateField("cursor", { ...(value as Cursor), section: this.section });
  }

  on(event: "change", listener: (change: Change, origin: unknown) => void): void {
    if (event === "change") this.listeners.add(listener);
  }

  off(event: "change", listener: (change: Change, origin: unknown) => void): void {
    if (event === "change") this.listeners.delete(listener);
  }

  /** Called by the hub when a caret entered, moved in or left this section. */
  changed(): void {
    const change: Change = { added: [], updated: [], removed: [] };
    for (const listener of this.listeners) listener(change, "section");
  }
}
