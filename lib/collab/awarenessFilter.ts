import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/** What one socket may say about presence. */
export interface AwarenessRules {
  /** whether the socket may speak for this awareness client (not one another socket uses) */
  owns(clientId: number): boolean;
  /** the name the server knows the person by: the only name shown to others */
  name: string;
}

const MAX_ENTRIES = 8;
const MAX_STATE_CHARS = 4096;
const COLOR = /^#[0-9a-f]{6}$/i;

function sanitizeState(json: string, name: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (value === null) return "null";
  if (typeof value !== "object" || Array.isArray(value)) return undefined;
  const { user, cursor } = value as { user?: unknown; cursor?: unknown };
  const color = (user as { color?: unknown } | undefined)?.color;
  const state: { user: { name: string; color?: string }; cursor?: unknown } = { user: typeof color === "string" && COLOR.test(color) ? { name, color } : { name } };
  if (cursor === null || (typeof cursor === "object" && !Array.isArray(cursor))) state.cursor = cursor;
  return JSON.stringify(state);
}

/**
 * An awareness update as others may see it: entries for clients another socket owns are
 * dropped (no one moves someone else's caret), a state keeps only `user` and `cursor`, and
 * the user's name is the one the server knows, so presence cannot carry made-up text.
 * Null when nothing is left or the update is malformed.
 */
export function sanitizeAwarenessUpdate(update: Uint8Array, rules: AwarenessRules): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > MAX_ENTRIES) return null;
    const kept: { clientId: number; clock: number; state: string }[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      if (!rules.owns(clientId) || json.length > MAX_STATE_CHARS) continue;
      const state = sanitizeState(json, rules.name);
      if (state !== undefined) kept.push({ clientId, clock, state });
    }
    if (!kept.length) return null;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, kept.length);
    for (const entry of kept) {
      encoding.writeVarUint(encoder, entry.clientId);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, entry.state);
    }
    return encoding.toUint8Array(encoder);
  } catch {
    return null;
  }
}
