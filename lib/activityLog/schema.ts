import { z } from "zod";
import { Id, Slug } from "../workspaces/schema";

/** Where a page of the log ends: `<epoch ms>.<entry id>` of its last entry; the next page starts after it. */
export const Cursor = z.string().trim().max(100).regex(/^\d{1,15}\.[A-Za-z0-9_-]{1,64}$/, "Invalid page of the log.");

/** A valid cursor's parts. */
export function readCursor(cursor: string): { at: Date; id: string } {
  const dot = cursor.indexOf(".");
  return { at: new Date(Number(cursor.slice(0, dot))), id: cursor.slice(dot + 1) };
}

/** A page of a workspace's activity log, optionally only what one API token did (and its own creation, first use, revocation). */
export const WorkspaceActivityQuery = z.object({
  slug: Slug,
  token: Id.optional(),
  before: Cursor.optional(),
});
export type WorkspaceActivityQuery = z.infer<typeof WorkspaceActivityQuery>;

export function cursorOf(entry: { createdAt: Date; id: string }): string {
  return `${entry.createdAt.getTime()}.${entry.id}`;
}
