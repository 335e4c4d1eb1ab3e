/** Names the workspace a person opened last (set on every workspace page's request): "/" returns to it, and pages outside a workspace show its navigation. */
export const LAST_WORKSPACE_COOKIE = "sw_workspace";
