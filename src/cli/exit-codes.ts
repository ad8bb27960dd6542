/**
 * Every exit code kansa returns, in one place: `--help`, the README table and the code paths
 * all read this list. A new code (e.g. for a delivery failure) is added here, nowhere else.
 * No path may fail open: anything unexpected ends in `internalError`, never in 0 or 1.
 */
export const EXIT = {
  /** Nothing at or above `--fail-on` (always 0 without `--fail-on`), and the scan is complete. */
  ok: 0,
  /** A failure at or above `--fail-on` (also in a partial scan: what was read already fails). */
  failOn: 1,
  /** Usage error, bad framework or policy file, no input could be read, output cannot be written. */
  usage: 2,
  /** The scan is partial (inputs or scopes could not be read) and `--allow-partial` was not given. */
  partial: 3,
  /** An internal error (a kansa bug): a one-line message; `--debug` prints the stack. */
  internalError: 4,
  /** The history store cannot be opened or written, or another run holds its lock: nothing was scanned. */
  storeUnavailable: 5,
  /** Delivery to the SOC did not complete: records were spooled for the next run or refused. */
  delivery: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** One line per code, for `--help` and the README. */
export const EXIT_CODE_MEANINGS: readonly { readonly code: ExitCode; readonly meaning: string }[] = [
  { code: EXIT.ok, meaning: 'no failure at or above --fail-on (always 0 without it), scan complete' },
  { code: EXIT.failOn, meaning: 'a failure at or above --fail-on (also when the scan is partial)' },
  {
    code: EXIT.usage,
    meaning: 'usage error, bad framework/policy file, no input readable, output not writable',
  },
  { code: EXIT.partial, meaning: 'partial scan: some inputs or scopes unreadable (see --allow-partial)' },
  { code: EXIT.internalError, meaning: 'internal error (a kansa bug): rerun with --debug for the stack' },
  {
    code: EXIT.storeUnavailable,
    meaning: 'history store unavailable, or in use by another run (see --store-wait); nothing scanned',
  },
  { code: EXIT.delivery, meaning: 'SOC delivery incomplete: records spooled for the next run, or refused' },
];

/** The "Exit codes:" block appended to `--help`. */
export function exitCodeHelp(): string {
  return `\nExit codes:\n${EXIT_CODE_MEANINGS.map(({ code, meaning }) => `  ${code}  ${meaning}`).join('\n')}\n`;
}
