/**
 * The small interfaces the machine runner works through, so the core is tested without
 * devices: SMART verdicts, OSD membership, the disk list, the store and the clock.
 *
 * @module
 */
import type { BlockDisk } from "../inventory/model.ts";
import type { Assessment } from "../smart/model.ts";
import type { IntentRecord, MachineDiskRecord, TransitionRecord } from "./records.ts";
import type { DiskState } from "./states.ts";

export type { IntentKind, IntentRecord, MachineDiskRecord, TransitionRecord } from "./records.ts";

/** SMART verdict of a disk (the foundation policy behind a small interface). */
export interface SmartCheck {
  /**
   * Reads and assesses a disk's SMART data.
   *
   * @param disk The disk.
   * @returns The verdict and its reasons (`unknown` when the disk has no SMART).
   */
  verdict(disk: BlockDisk): Promise<Assessment>;
}

/** Whether a disk belongs to a cluster backend (an OSD). */
export interface OsdCheck {
  /**
   * Tells whether the cluster backend uses the disk.
   *
   * @param disk The disk.
   * @returns True for an OSD disk.
   */
  isOsd(disk: BlockDisk): Promise<boolean>;
}

/** The disks currently attached. */
export interface DiskSource {
  /**
   * Lists the disks in scope for this pass.
   *
   * @returns The disks.
   */
  list(): Promise<BlockDisk[]>;
}

/** Time, injected so waits are testable (the one {@linkcode Clock} of src/shared). */
export { type Clock, SYSTEM_CLOCK } from "../shared/clock.ts";

/** Persistence of the machine ({@linkcode MachineRepo} in production, memory in tests and simulate). */
export interface MachineStore {
  /**
   * Looks a disk up.
   *
   * @param diskKey The key.
   * @returns The record or null.
   */
  getDisk(diskKey: string): MachineDiskRecord | null;
  /**
   * Lists every known disk.
   *
   * @returns The records.
   */
  listDisks(): MachineDiskRecord[];
  /**
   * Inserts or replaces a disk record.
   *
   * @param record The record.
   */
  putDisk(record: MachineDiskRecord): void;
  /**
   * Stores a transition with the disk's new record, atomically.
   *
   * @param transition The transition.
   * @param record The record after it.
   */
  recordTransition(transition: TransitionRecord, record: MachineDiskRecord): void;
  /**
   * Counts transitions of a disk into a state since a time.
   *
   * @param diskKey The key.
   * @param options Target state and earliest time (ISO).
   * @returns The count.
   */
  countTransitions(diskKey: string, options: { to: DiskState; since: string }): number;
  /**
   * Journals a side effect before it starts.
   *
   * @param intent The intent.
   * @returns Its id.
   */
  addIntent(intent: Omit<IntentRecord, "id">): number;
  /**
   * Removes a finished or undone intent.
   *
   * @param id The id.
   */
  removeIntent(id: number): void;
  /**
   * Lists open intents.
   *
   * @returns The intents, oldest first.
   */
  listIntents(): IntentRecord[];
}
