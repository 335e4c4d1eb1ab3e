// Stands in for Node's Buffer in browser bundles (see next.config.js): the only code that
// names it there (lib0's Node branch) never runs in a browser.
export const Buffer = undefined;
