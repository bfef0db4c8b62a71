/** A usage error: exit code 2 with a one-line message. */
export class UsageError extends Error {}

/** Exit codes of the CLI: a stable contract for scripts. */
export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2
