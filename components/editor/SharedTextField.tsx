"use client";

import { useCallback, useId, useLayoutEffect, useRef, useSyncExternalStore } from "react";
import * as Y from "yjs";
import { editText } from "@/lib/collab/textFields";
import type { FieldDef } from "@/lib/templates/schema";

const control = "mt-1 block w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600 disabled:bg-slate-50 disabled:text-slate-700";

type Delta = { insert?: unknown; delete?: number; retain?: number }[];

/** Where a caret at `index` of the old text is after a remote change (`delta`). */
function mapIndex(index: number, delta: Delta): number {
  let pos = 0;
  let out = index;
  for (const op of delta) {
    if (op.retain) pos += op.retain;
    else if (typeof op.insert === "string") {
      if (pos < index) out += op.insert.length;
    } else if (op.delete) {
      if (pos < index) out -= Math.min(op.delete, index - pos);
      pos += op.delete;
    }
  }
  return out;
}

const textOf = (value: unknown): string => (value instanceof Y.Text ? value.toString() : typeof value === "string" ? value : "");

interface Props {
  fields: Y.Map<unknown>;
  field: FieldDef;
  disabled: boolean;
}

/**
 * A text or long-text field bound to shared text (Y.Text): each keystroke is an insert or
 * delete, so concurrent typing merges, and the caret stays put when others type.
 */
export function SharedTextField({ fields, field, disabled }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const caret = useRef<{ start: number; end: number } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
        const el = input.current;
        const text = fields.get(field.key);
        for (const event of events) {
          if (event.target !== text || event.transaction.local || !el || document.activeElement !== el) continue;
          const delta = (event as Y.YTextEvent).delta as Delta;
          caret.current = { start: mapIndex(el.selectionStart ?? 0, delta), end: mapIndex(el.selectionEnd ?? 0, delta) };
        }
        onChange();
      };
      fields.observeDeep(observer);
      return () => fields.unobserveDeep(observer);
    },
    [fields, field.key],
  );
  const read = () => textOf(fields.get(field.key));
  // the server draws the text of the Y.Doc it was given, as the browser does
  const value = useSyncExternalStore(subscribe, read, read);
  useLayoutEffect(() => {
    if (caret.current && input.current) input.current.setSelectionRange(caret.current.start, caret.current.end);
    caret.current = null;
  }, [value]);

  const onChange = (next: string) => {
    const current = fields.get(field.key);
    fields.doc?.transact(() => {
      if (current instanceof Y.Text) editText(current, next);
      // a value not yet shared becomes shared text on the first keystroke
      else fields.set(field.key, new Y.Text(next));
    });
  };
  const label = (
    <label htmlFor={id} className="block text-xs font-medium text-slate-600">
      {field.label}
      {field.required ? <span className="text-red-600"> *</span> : null}
    </label>
  );
  const hint = field.hint ? <p className="mt-1 text-xs text-slate-500">{field.hint}</p> : null;
  return (
    <div>
      {label}
      {field.type === "longText" ? (
        <textarea ref={input} id={id} rows={3} disabled={disabled} className={control} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input ref={input} id={id} type="text" disabled={disabled} className={control} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint}
    </div>
  );
}
