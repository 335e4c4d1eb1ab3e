/** The longest a document title can be (no validation library: safe for the browser bundle). */
export const TITLE_MAX = 200;
