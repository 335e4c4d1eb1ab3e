"use client";

import { createContext } from "react";
import type { Mentionable } from "./mentionItems";

/** The workspace's members on a document page: whom "@" in the text offers to mention. */
export const MembersContext = createContext<Mentionable[]>([]);
