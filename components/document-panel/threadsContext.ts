"use client";

import { createContext } from "react";
import type { CommentThreadDto } from "@/lib/comments/comments";

/** The document's comment threads as the editor last loaded them, for the panel's Comments tab. */
export const ThreadsContext = createContext<CommentThreadDto[]>([]);
