/**
 * The disk-health states and their persisted names.
 *
 * Every state is stored under its own name and read back unchanged (the original lost
 * `not_mounted` and `write_failed` on the way through its database, B-07).
 *
 * @module
 */

/** Every state of the disk-health machine, in the order they are usually visited. */
export const DISK_STATES = [
  "unscanned",
  "scanned",
  "good",
  "not_mounted",
  "mounted",
  "mount_failed",
  "read_only",
  "write_failed",
  "corrupt",
  "repaired",
  "repair_failed",
  "reformatted",
  "reformat_failed",
  "worn_out",
  "waiting_for_replacement",
  "replaced",
] as const;

/** A state of the disk-health machine. */
export type DiskState = typeof DISK_STATES[number];

const STATE_SET: ReadonlySet<string> = new Set(DISK_STATES);

/**
 * Tells whether a string is the persisted name of a state.
 *
 * @param value The string.
 * @returns True when `value` is a {@linkcode DiskState}.
 */
export function isDiskState(value: string): value is DiskState {
  return STATE_SET.has(value);
}

/**
 * Parses a persisted state name.
 *
 * @param value The stored name.
 * @returns The state.
 * @throws {RangeError} When the name is not a state (never silently mapped to `unscanned`).
 */
export function parseDiskState(value: string): DiskState {
  if (!isDiskState(value)) {
    throw new RangeError(
      `Cannot parse disk state "${value}": expected one of ${DISK_STATES.join(", ")}`,
    );
  }
  return value;
}

/** States that end a pass: nothing more can be done for the disk until the next pass. */
export const TERMINAL_STATES: ReadonlySet<DiskState> = new Set<DiskState>([
  "good",
  "waiting_for_replacement",
  "replaced",
]);

/**
 * States a new pass resumes from; every other state is an observation that is re-made
 * from `unscanned` (after crash recovery there is no temporary mount to continue with).
 */
export const RESUMABLE_STATES: ReadonlySet<DiskState> = new Set<DiskState>([
  "corrupt",
  "repair_failed",
  "reformat_failed",
  "worn_out",
  "waiting_for_replacement",
  "replaced",
]);
