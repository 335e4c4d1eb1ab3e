"use client";

import { useMemo, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { SHARED_TEXT_TYPES } from "@/lib/collab/textFields";
import { fieldsName } from "@/lib/collab/ydocLayout";
import type { DocumentStatus } from "@/lib/documents/status";
import { mirrorsWorkflowStatus } from "@/lib/documents/statusField";
import type { FieldValue } from "@/lib/templates/instantiate";
import type { FieldDef } from "@/lib/templates/schema";
import { FieldControl } from "../documents/FieldsForm";
import { SharedTextField } from "./SharedTextField";
import { WorkflowStatusField } from "./WorkflowStatusField";

type Values = Record<string, FieldValue>;
const EMPTY: Values = {};

function mapStore(map: Y.Map<unknown>) {
  let cache: { key: string; value: Values } = { key: "", value: EMPTY };
  return {
    get(): Values {
      const value = map.toJSON() as Values;
      const key = JSON.stringify(value);
      if (key !== cache.key) cache = { key, value };
      return cache.value;
    },
    subscribe(onChange: () => void) {
      // deep: shared text fields change inside their Y.Text
      map.observeDeep(onChange);
      return () => map.unobserveDeep(onChange);
    },
  };
}

interface Props {
  documentId: string;
  /** the document's workflow status, shown by a field that repeats it */
  status: DocumentStatus;
  ydoc: Y.Doc;
  sectionKey: string;
  sectionTitle: string;
  fields: FieldDef[];
  members: { userId: string; name: string }[];
  readOnly: boolean;
}

/** A section's typed fields, bound to its Y.Map: every change is shared live and saved with the document. */
export function CollabFields({ documentId, status, ydoc, sectionKey, sectionTitle, fields, members, readOnly }: Props) {
  const map = useMemo(() => ydoc.getMap<unknown>(fieldsName(sectionKey)), [ydoc, sectionKey]);
  const store = useMemo(() => mapStore(map), [map]);
  // the server draws the values of the Y.Doc it was given, as the browser does
  const values = useSyncExternalStore(store.subscribe, store.get, store.get);
  return (
    <div role="group" aria-label={`Fields of ${sectionTitle}`} className="grid gap-3 rounded-lg bg-slate-50 p-3 ring-1 ring-inset ring-slate-200 sm:grid-cols-2">
      {fields.map((f) => (
        <div key={f.key} className={f.type === "longText" ? "sm:col-span-2" : undefined}>
          {mirrorsWorkflowStatus(f) ? (
            <WorkflowStatusField documentId={documentId} field={f} status={status} />
          ) : SHARED_TEXT_TYPES.has(f.type) ? (
            <SharedTextField fields={map} field={f} disabled={readOnly} />
          ) : (
            <FieldControl field={f} value={values[f.key]} members={members} disabled={readOnly} onChange={(v) => map.set(f.key, v)} />
          )}
        </div>
      ))}
    </div>
  );
}
