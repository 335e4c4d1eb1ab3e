/** Names the workspace a person was in last: "/" goes back to it, and pages outside a workspace show its navigation. */
export const LAST_WORKSPACE_COOKIE = "sw_workspace";
