import { createContext } from "react";
import type { References } from "./referenceItems";

/** The workspace's documents that "[[" and "#" link to (DocumentEditor provides them). */
export const ReferencesContext = createContext<References>({ slug: "", documents: [] });
