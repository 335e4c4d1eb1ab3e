/** What a person may do in this workspace, as far as the palette needs to know (the server still decides). */
export interface PaletteAbilities {
  createDocuments: boolean;
  importDocuments: boolean;
}

export type ActionTarget =
  /** a page of the app */
  | { kind: "go"; href: string }
  /** a file the server answers with as an attachment */
  | { kind: "download"; href: string }
  | { kind: "copyLink" };

export interface PaletteAction {
  id: string;
  label: string;
  /** other words it is found by */
  keywords: string[];
  target: ActionTarget;
}

/**
 * The palette's actions on a workspace page, in the order shown: the document's own first
 * when one is open. Those a person may not do are left out where the abilities tell. Pure.
 */
export function paletteActions(slug: string, documentId: string | null, can: PaletteAbilities): PaletteAction[] {
  const w = `/w/${encodeURIComponent(slug)}`;
  const actions: PaletteAction[] = [];
  if (documentId) {
    const d = encodeURIComponent(documentId);
    actions.push(
      { id: "history", label: "History and compare versions", keywords: ["versions", "compare", "diff", "restore"], target: { kind: "go", href: `${w}/d/${d}/history` } },
      { id: "export-md", label: "Export as Markdown", keywords: ["download", "md"], target: { kind: "download", href: `/api/documents/${d}/export.md` } },
      { id: "export-pdf-a4", label: "Export as PDF (A4)", keywords: ["download", "print"], target: { kind: "download", href: `/api/documents/${d}/export.pdf?format=A4` } },
      { id: "export-pdf-letter", label: "Export as PDF (US Letter)", keywords: ["download", "print"], target: { kind: "download", href: `/api/documents/${d}/export.pdf?format=Letter` } },
      { id: "copy-link", label: "Copy link to this document", keywords: ["share", "url", "address"], target: { kind: "copyLink" } },
    );
  }
  if (can.createDocuments) actions.push({ id: "new", label: "New document", keywords: ["create", "template"], target: { kind: "go", href: `${w}/templates` } });
  actions.push(
    { id: "documents", label: "All documents", keywords: ["list", "search", "filter"], target: { kind: "go", href: w } },
    { id: "inbox", label: "Inbox", keywords: ["notifications", "mentions"], target: { kind: "go", href: "/inbox" } },
    { id: "members", label: "Members", keywords: ["people", "invite", "roles"], target: { kind: "go", href: `${w}/members` } },
    { id: "templates", label: "Templates", keywords: ["sections"], target: { kind: "go", href: `${w}/templates` } },
  );
  if (can.importDocuments) actions.push({ id: "import", label: "Import Markdown", keywords: ["upload", "zip"], target: { kind: "go", href: `${w}/import` } });
  actions.push(
    { id: "settings", label: "Settings", keywords: ["account", "password", "devices", "profile"], target: { kind: "go", href: "/settings" } },
    { id: "trash", label: "Trash", keywords: ["deleted", "restore"], target: { kind: "go", href: `${w}/trash` } },
  );
  return actions;
}
