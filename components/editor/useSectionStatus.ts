"use client";

import { useEffect, useMemo, useState } from "react";
import * as Y from "yjs";
import { bodyName, fieldsName } from "@/lib/collab/ydocLayout";
import type { SectionDef } from "@/lib/templates/schema";

export type SectionStatus = "empty" | "in progress" | "problems";

/** Text typed into a body fragment, leaving out template hints. */
function typedText(fragment: Y.XmlFragment): string {
  let text = "";
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook) => {
    if (node instanceof Y.XmlText) text += node.toString().replace(/<[^>]+>/g, "");
    else if (node instanceof Y.XmlElement) {
      if (node.nodeName === "placeholder") return;
      if (node.nodeName === "mermaid") text += String(node.getAttribute("source") ?? "");
      node.toArray().forEach(visit);
    }
  };
  fragment.toArray().forEach(visit);
  return text.trim();
}

function statusOf(ydoc: Y.Doc, key: string, def: SectionDef | undefined): SectionStatus {
  // shared text fields read as their text
  const fields = new Map(Object.entries(ydoc.getMap(fieldsName(key)).toJSON() as Record<string, unknown>));
  const missing = (def?.fields ?? []).some((f) => {
    const v = fields.get(f.key);
    return f.required && (v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0));
  });
  if (missing) return "problems";
  const filled = [...fields.values()].some((v) => v !== null && v !== "" && !(Array.isArray(v) && v.length === 0));
  return typedText(ydoc.getXmlFragment(bodyName(key))) || filled ? "in progress" : "empty";
}

/** Each section's state for the outline, recomputed shortly after edits stop. */
export function useSectionStatus(ydoc: Y.Doc | undefined, keys: string[], defs: SectionDef[]): Record<string, SectionStatus> {
  const [status, setStatus] = useState<Record<string, SectionStatus>>({});
  const keyList = useMemo(() => keys.join("\n"), [keys]);
  useEffect(() => {
    if (!ydoc) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const compute = () => setStatus(Object.fromEntries(keyList.split("\n").filter(Boolean).map((k) => [k, statusOf(ydoc, k, defs.find((d) => d.key === k))])));
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(compute, 400);
    };
    schedule();
    ydoc.on("update", schedule);
    return () => {
      clearTimeout(timer);
      ydoc.off("update", schedule);
    };
  }, [ydoc, keyList, defs]);
  return status;
}
