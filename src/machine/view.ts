/**
 * Reading the machine's view of every disk (for `bynar disks` and the detector).
 *
 * @module
 */
import type { MachineDiskRecord, TransitionRecord } from "./records.ts";
import type { DiskState } from "./states.ts";

/** What {@linkcode listDiskStates} reads (the store's machine repository implements it). */
export interface MachineStateReader {
  /**
   * Every disk the machine knows.
   *
   * @returns The disks.
   */
  listDisks(): MachineDiskRecord[];
  /**
   * Transitions of a disk, newest first.
   *
   * @param diskKey The disk.
   * @param options How many.
   * @returns The transitions.
   */
  history(diskKey: string, options?: { limit?: number }): TransitionRecord[];
}

/** One disk with its current state and last transition. */
export interface DiskStateView {
  /** Identity key. */
  diskKey: string;
  /** Last seen path. */
  path: string;
  /** Serial. */
  serial: string | null;
  /** Current state. */
  state: DiskState;
  /** Why it is there (or what holds it). */
  reason: string;
  /** Gone from the host. */
  vanished: boolean;
  /** Replacement key, when replaced. */
  replacedBy: string | null;
  /** Last SMART verdict. */
  smartVerdict: string | null;
  /** Last transition, if any. */
  lastTransition: {
    at: string;
    from: DiskState;
    to: DiskState;
    step: string;
    reason: string;
    durationMs: number;
  } | null;
  /** Last change (ISO). */
  updatedAt: string;
}

/**
 * Lists every disk the machine knows with its current state and last transition.
 *
 * @param repo The stored machine states (e.g. a repository on a read-only database).
 * @returns The disks, by path.
 * @throws {RangeError} When a stored state is unknown.
 */
export function listDiskStates(repo: MachineStateReader): DiskStateView[] {
  return repo.listDisks().map((d) => {
    const last = repo.history(d.diskKey, { limit: 1 })[0] ?? null;
    return {
      diskKey: d.diskKey,
      path: d.path,
      serial: d.serial,
      state: d.state,
      reason: d.reason,
      vanished: d.vanished,
      replacedBy: d.replacedBy,
      smartVerdict: d.smartVerdict,
      lastTransition: last
        ? {
          at: last.at,
          from: last.from,
          to: last.to,
          step: last.step,
          reason: last.reason,
          durationMs: last.durationMs,
        }
        : null,
      updatedAt: d.updatedAt,
    };
  });
}
