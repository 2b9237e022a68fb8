/**
 * `bynar --check`: (being written; see src/check/).
 *
 * @module
 */
import type { Command } from "@commander-js/extra-typings";

/** Help text appended to `bynar --help` about the check options. */
export const CHECK_OPTIONS_HELP = "";

/**
 * Adds the `--check` options to the program.
 *
 * @param program The root program.
 */
export function addCheckOptions(program: Command): void {
  void program;
}

/**
 * Runs the check.
 *
 * @param opts Parsed options.
 */
export async function checkAction(opts: Record<string, unknown>): Promise<void> {
  await Promise.resolve(opts);
}
