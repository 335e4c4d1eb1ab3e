import * as Y from "yjs";
import { bodyName, fieldsName } from "./ydocLayout";

/**
 * What was read from one section's body and fields, kept until a transaction touches
 * either. A store projects every section of the document, and one person typing changes
 * one of them: the others are read from here.
 */
export interface CachedSection<T> {
  value: T;
  /** the repairs reading it made, reported again each time it is handed out */
  repairs: string[];
}

type RootType = Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>;

interface Cache {
  entries: Map<string, CachedSection<unknown>>;
  /** the section each root type of the Y.Doc belongs to (its body or its fields) */
  sectionOfRoot: Map<RootType, string | null>;
}

const caches = new WeakMap<Y.Doc, Cache>();

const BODY_PREFIX = bodyName("");
const FIELDS_PREFIX = fieldsName("");

/** The section whose body or fields `name` (a root type's name) holds, if any. */
function sectionOfName(name: string): string | null {
  if (name.startsWith(BODY_PREFIX)) return name.slice(BODY_PREFIX.length);
  if (name.startsWith(FIELDS_PREFIX)) return name.slice(FIELDS_PREFIX.length);
  return null;
}

/** The root type `type` sits in, or null when one of its ancestors is not in the document (then anything may have changed). */
function rootOf(type: RootType): RootType | null {
  let at = type;
  while (at._item) {
    const parent = at._item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    at = parent;
  }
  return at;
}

function sectionOfRoot(ydoc: Y.Doc, cache: Cache, root: RootType): string | null | undefined {
  if (!cache.sectionOfRoot.has(root)) {
    // a root this cache has not met: the document's roots are listed again
    for (const [name, type] of ydoc.share) cache.sectionOfRoot.set(type, sectionOfName(name));
  }
  return cache.sectionOfRoot.get(root);
}

function cacheOf(ydoc: Y.Doc): Cache {
  const cache = caches.get(ydoc);
  if (cache) return cache;
  const created: Cache = { entries: new Map(), sectionOfRoot: new Map() };
  ydoc.on("afterTransaction", (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) {
      const root = rootOf(type);
      if (!root) {
        created.entries.clear();
        return;
      }
      const section = sectionOfRoot(ydoc, created, root);
      if (section) created.entries.delete(section);
    }
  });
  caches.set(ydoc, created);
  return created;
}

/**
 * One section's projection (`read`, given a way to report repairs), read again only when a
 * transaction changed the section's body or fields since it was last read. The value is
 * shared between callers: never change it.
 */
export function cachedSection<T>(ydoc: Y.Doc, key: string, read: (onRepair: (what: string) => void) => T): CachedSection<T> {
  const repairs: string[] = [];
  // inside a transaction, what it changed is not known yet: read afresh, keep nothing
  if (ydoc._transaction) return { value: read((what) => repairs.push(what)), repairs };
  const cache = cacheOf(ydoc);
  const kept = cache.entries.get(key) as CachedSection<T> | undefined;
  if (kept) return kept;
  const entry = { value: read((what) => repairs.push(what)), repairs };
  cache.entries.set(key, entry);
  return entry;
}
