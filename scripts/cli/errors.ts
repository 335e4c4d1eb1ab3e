/** Exit 2: the command line itself is wrong; the usage text follows the message. */
export class UsageError extends Error {}

/** Exit 1: the input, the configuration or the database refused the work. */
export class InputError extends Error {}
