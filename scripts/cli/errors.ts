/** Exit 2: the command line itself is wrong; the usage text follows the message. */
export class UsageError extends Error {}

/** Exit 1: the input, the configuration, the database or the server refused the work. */
export class InputError extends Error {}

/**
 * Exit 3: worth trying again later or after `specwright login`: the server could not be
 * reached, refused the token (401), is rate-limiting it (429) or failed (5xx).
 */
export class RemoteError extends Error {}
