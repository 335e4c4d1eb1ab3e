import type * as Y from "yjs";
import type { Db } from "../db";
import type { FieldDef } from "../templates/schema";
import { templateAtVersion } from "../templates/templates";
import { shareTextFields } from "./textFields";
import { carriedBy, createUpdateGuard, type UpdateGuard } from "./updateGuard";

/** The stateless message a sender gets when its change is refused. */
export interface UpdateRefusedMessage {
  type: "update-refused";
  message: string;
}

/** A section's template fields by section key, from the template version the document came from. */
async function templateFields(db: Db, documentId: string): Promise<(sectionKey: string) => FieldDef[] | undefined> {
  const doc = await db.document.findUnique({ where: { id: documentId }, select: { templateId: true, templateVersion: true } });
  if (!doc) return () => undefined;
  const def = await templateAtVersion(db, doc.templateId, doc.templateVersion).catch(() => null);
  const bySection = new Map((def?.sections ?? []).map((s) => [s.key, s.fields]));
  return (sectionKey) => bySection.get(sectionKey);
}

/** One update guard per open document (see updateGuard.ts). */
export interface SocketGuards {
  /** Starts guarding a document that just loaded. */
  open(db: Db, documentName: string, document: Y.Doc): Promise<void>;
  /**
   * Why a socket message may not reach the document (then tell the sender), or null. A
   * read-only socket's changes are dropped by hocuspocus; only its broadcasts are checked.
   * A change waiting for what it depends on is held (see updateGuard.ts); `origin` (the
   * sender's connection) is the origin it reaches the document with. `suggestingAs`: the
   * user id of a sender who may only suggest (suggestOnly.ts).
   */
  refusal(documentName: string, message: Uint8Array, readOnly: boolean, origin?: unknown, suggestingAs?: string | null): UpdateRefusedMessage | null;
  /** Drops what is held for a sender whose socket closed (see updateGuard.ts). */
  forget(documentName: string, origin: unknown): void;
  /** Makes a document's text and long-text fields shared text (see textFields.ts); true when it changed. */
  shareText(documentName: string, document: Y.Doc): boolean;
  close(documentName: string): void;
}

/** Creates the collaboration server's update guards. */
export function createSocketGuards(): SocketGuards {
  const guards = new Map<string, UpdateGuard>();
  const fields = new Map<string, (sectionKey: string) => FieldDef[] | undefined>();
  return {
    async open(db, documentName, document) {
      guards.get(documentName)?.destroy();
      const defs = await templateFields(db, documentName);
      fields.set(documentName, defs);
      guards.set(documentName, createUpdateGuard(document, defs));
    },
    forget(documentName, origin) {
      guards.get(documentName)?.forget(origin);
    },
    shareText(documentName, document) {
      const defs = fields.get(documentName);
      return defs ? shareTextFields(document, defs) : false;
    },
    refusal(documentName, message, readOnly, origin, suggestingAs) {
      if (readOnly) return carriedBy(message).kind === "broadcast" ? { type: "update-refused", message: "Messages to everyone are not accepted." } : null;
      const guard = guards.get(documentName);
      // a document that is not guarded yet has not loaded: nothing reaches it either way
      const reason = guard ? guard.check(message, origin, suggestingAs) : "the document is not open";
      return reason ? { type: "update-refused", message: `Your last change could not be saved: ${reason}.` } : null;
    },
    close(documentName) {
      fields.delete(documentName);
      guards.get(documentName)?.destroy();
      guards.delete(documentName);
    },
  };
}
