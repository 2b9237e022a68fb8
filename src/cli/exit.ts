/**
 * Process exit codes and a typed way for subcommands to request one.
 *
 * @module
 */

/** Exit codes of the CLI (Nagios-compatible for `--check`). */
export const EXIT = Object.freeze({
  OK: 0,
  WARNING: 1,
  CRITICAL: 2,
  UNKNOWN: 3,
  /** Generic failure of a non-check subcommand. */
  FAILURE: 1,
  /** Bad usage or configuration outside `--check`. */
  USAGE: 64,
});

/** Thrown by a subcommand to end the process with an exit code after printing `message`. */
export class ExitRequest extends Error {
  /** The exit code. */
  readonly exitCode: number;
  /** Whether `message` goes to stderr (true) or stdout (false). */
  readonly toStderr: boolean;

  /**
   * Requests an exit.
   *
   * @param exitCode The code.
   * @param message What to print ("" for nothing).
   * @param options Where to print.
   */
  constructor(exitCode: number, message = "", options: { toStderr?: boolean } = {}) {
    super(message);
    this.name = "ExitRequest";
    this.exitCode = exitCode;
    this.toStderr = options.toStderr ?? true;
  }
}
