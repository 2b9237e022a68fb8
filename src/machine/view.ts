/**
 * Reading the machine's view of every disk (for `bynar disks` and the detector).
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import { MachineRepo } from "../store/machine_repo.ts";
import type { DiskState } from "./states.ts";

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
 * @param db The database (may be opened read-only).
 * @returns The disks, by path.
 * @throws {RangeError} When a stored state is unknown.
 */
export function listDiskStates(db: DatabaseSync): DiskStateView[] {
  const repo = new MachineRepo(db);
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
