"use client";

import { lazy, Suspense, useState } from "react";
import { Button } from "../ui/Button";

// the menu and the PDF download code load on the first click
const ExportMenuPanel = lazy(() => import("./ExportMenuPanel").then((m) => ({ default: m.ExportMenuPanel })));

/** The Export button; its menu (Markdown, PDF on A4 or US Letter) opens on click. */
export function ExportMenu({ documentId }: { documentId: string }) {
  const [wanted, setWanted] = useState(false);
  const button = (loading: boolean) => (
    <Button variant="secondary" aria-haspopup="menu" aria-expanded={false} disabled={loading} onClick={() => setWanted(true)}>
      Export
    </Button>
  );
  if (!wanted) return button(false);
  return (
    <Suspense fallback={button(true)}>
      <ExportMenuPanel documentId={documentId} initiallyOpen />
    </Suspense>
  );
}
