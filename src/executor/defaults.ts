/**
 * The executor's defaults, in a module without dependencies (the CLI reads them for
 * `--help` without loading the executor).
 *
 * @module
 */

/** Default socket path: the executor unit's RuntimeDirectory, fixed in the net grants. */
export const DEFAULT_EXECUTOR_SOCKET = "/run/bynar-executor/executor.sock";

/** Default journal of the executor, next to the state database. */
export const DEFAULT_EXECUTOR_JOURNAL = "/var/lib/bynar/executor-journal.jsonl";

/** The removal budget: at most `max` real removals per `windowMs`. */
export interface RemovalBudget {
  /** Maximum real removals in the window. */
  max: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

/** The default budget: four real removals per 24 hours on one host. */
export const DEFAULT_REMOVAL_BUDGET: RemovalBudget = { max: 4, windowMs: 24 * 3600_000 };
