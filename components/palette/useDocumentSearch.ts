"use client";

import { useEffect, useState } from "react";
import type { DocumentSummaryDto } from "@/lib/documents/present";
import { callApi } from "../ui/api";
import { filterByQuery } from "./match";

interface DocumentPage {
  items: DocumentSummaryDto[];
}

export type SearchState = "loading" | "ready" | "error";

export interface DocumentSearch {
  documents: DocumentSummaryDto[];
  state: SearchState;
  error?: string;
}

/** Wait this long after the last key before asking the server. */
const DEBOUNCE_MS = 200;
/** The most recently changed documents, filtered by title as the person types. */
const RECENT = 100;
const SHOWN = 8;

/**
 * The workspace's documents for a query: the recently changed ones whose title holds its
 * words, at once, then the server's full-text hits (titles and section text) after a pause in
 * typing. An empty query lists the recently changed documents.
 */
export function useDocumentSearch(slug: string, query: string): DocumentSearch {
  const base = `/api/workspaces/${encodeURIComponent(slug)}/documents`;
  const [recent, setRecent] = useState<{ items: DocumentSummaryDto[]; state: SearchState; error?: string }>({ items: [], state: "loading" });
  const [found, setFound] = useState<{ query: string; items: DocumentSummaryDto[]; state: SearchState; error?: string }>({ query: "", items: [], state: "ready" });
  const q = query.trim();

  useEffect(() => {
    let live = true;
    void callApi<DocumentPage>(`${base}?pageSize=${RECENT}`).then((r) => {
      if (live) setRecent(r.ok ? { items: r.data.items, state: "ready" } : { items: [], state: "error", error: r.error.error });
    });
    return () => {
      live = false;
    };
  }, [base]);

  useEffect(() => {
    if (!q) return;
    let live = true;
    const timer = setTimeout(() => {
      setFound({ query: q, items: [], state: "loading" });
      void callApi<DocumentPage>(`${base}?q=${encodeURIComponent(q)}&pageSize=${SHOWN}`).then((r) => {
        if (live) setFound(r.ok ? { query: q, items: r.data.items, state: "ready" } : { query: q, items: [], state: "error", error: r.error.error });
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [base, q]);

  const byTitle = filterByQuery(recent.items, q, (d) => d.title);
  const fromServer = q && found.query === q ? found.items : [];
  const documents = [...byTitle, ...fromServer.filter((d) => !byTitle.some((t) => t.id === d.id))].slice(0, SHOWN);
  // typing: the search is on its way until the server answered this very query
  const searching = q !== "" && (found.query !== q || found.state === "loading");
  const failed = q ? found.query === q && found.state === "error" : recent.state === "error";
  const state: SearchState = failed ? "error" : recent.state === "loading" || searching ? "loading" : "ready";
  return { documents, state, error: q ? found.error : recent.error };
}
