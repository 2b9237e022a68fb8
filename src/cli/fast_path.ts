/**
 * Which part of the program an invocation needs, decided from the raw arguments before any
 * command module loads: `bynar --version` prints the version with nothing else loaded, and
 * `bynar --check` (cron, every few minutes) loads only the root program and the check.
 *
 * @module
 */

/** What {@linkcode startupPath} decided. */
export type StartupPath = "version" | "check" | "full";

/**
 * Classifies the arguments.
 *
 * @param args Command-line arguments (without the program name).
 * @returns `version` for `--version`/`-V` alone, `check` for `--check …` without help,
 *   else `full`.
 */
export function startupPath(args: readonly string[]): StartupPath {
  if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) return "version";
  const help = args.some((a) => a === "-h" || a === "--help" || a === "help");
  return args.includes("--check") && !help ? "check" : "full";
}
