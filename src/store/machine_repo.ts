/**
 * Repository of the disk-health machine: per-disk state, transition history and the
 * intent journal written before every side effect.
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import type {
  IntentKind,
  IntentRecord,
  MachineDiskRecord,
  TransitionRecord,
} from "../machine/records.ts";
import { type DiskState, parseDiskState } from "../machine/states.ts";
import { transaction } from "./db.ts";

function rowToDisk(r: Record<string, unknown>): MachineDiskRecord {
  return {
    diskKey: r.disk_key as string,
    path: r.path as string,
    serial: (r.serial as string | null) ?? null,
    state: parseDiskState(r.state as string),
    reason: r.reason as string,
    fsType: (r.fs_type as string | null) ?? null,
    fsUuid: (r.fs_uuid as string | null) ?? null,
    fsLabel: (r.fs_label as string | null) ?? null,
    smartVerdict: (r.smart_verdict as string | null) ?? null,
    vanished: Number(r.vanished) === 1,
    replacedBy: (r.replaced_by as string | null) ?? null,
    holds: Number(r.holds),
    updatedAt: r.updated_at as string,
  };
}

function rowToTransition(r: Record<string, unknown>): TransitionRecord {
  return {
    diskKey: r.disk_key as string,
    at: r.at as string,
    from: parseDiskState(r.from_state as string),
    to: parseDiskState(r.to_state as string),
    step: r.step as string,
    reason: r.reason as string,
    durationMs: Number(r.duration_ms),
    passId: r.pass_id as string,
  };
}

/** Reads and writes `machine_disks`, `machine_transitions` and `machine_intents`. */
export class MachineRepo {
  #db: DatabaseSync;

  /**
   * Wraps an open, migrated database.
   *
   * @param db The database.
   */
  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /**
   * Looks a disk up.
   *
   * @param diskKey The key.
   * @returns The record or null.
   * @throws {RangeError} When the stored state is not a known state.
   */
  getDisk(diskKey: string): MachineDiskRecord | null {
    const r = this.#db.prepare("SELECT * FROM machine_disks WHERE disk_key = ?").get(diskKey) as
      | Record<string, unknown>
      | undefined;
    return r ? rowToDisk(r) : null;
  }

  /**
   * The disks the machine has seen at a device path (present or gone), by key.
   *
   * @param path The device path (the slot).
   * @returns The records.
   */
  disksAt(path: string): MachineDiskRecord[] {
    return (this.#db.prepare("SELECT * FROM machine_disks WHERE path = ? ORDER BY disk_key").all(
      path,
    ) as Record<string, unknown>[]).map(rowToDisk);
  }

  /**
   * Lists every disk the machine knows, by path then key.
   *
   * @returns The records.
   */
  listDisks(): MachineDiskRecord[] {
    return (this.#db.prepare("SELECT * FROM machine_disks ORDER BY path, disk_key").all() as Record<
      string,
      unknown
    >[]).map(rowToDisk);
  }

  /**
   * Inserts or replaces a disk record.
   *
   * @param record The record.
   */
  putDisk(record: MachineDiskRecord): void {
    this.#db.prepare(
      `INSERT INTO machine_disks (disk_key, path, serial, state, reason, fs_type, fs_uuid, fs_label,
         smart_verdict, vanished, replaced_by, holds, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(disk_key) DO UPDATE SET path=excluded.path, serial=excluded.serial,
         state=excluded.state, reason=excluded.reason, fs_type=excluded.fs_type,
         fs_uuid=excluded.fs_uuid, fs_label=excluded.fs_label, smart_verdict=excluded.smart_verdict,
         vanished=excluded.vanished, replaced_by=excluded.replaced_by, holds=excluded.holds,
         updated_at=excluded.updated_at`,
    ).run(
      record.diskKey,
      record.path,
      record.serial,
      record.state,
      record.reason,
      record.fsType,
      record.fsUuid,
      record.fsLabel,
      record.smartVerdict,
      record.vanished ? 1 : 0,
      record.replacedBy,
      record.holds,
      record.updatedAt,
    );
  }

  /**
   * Stores a transition and the disk's new state in one transaction.
   *
   * @param transition The transition.
   * @param record The disk record after the transition.
   */
  recordTransition(transition: TransitionRecord, record: MachineDiskRecord): void {
    transaction(this.#db, () => {
      this.putDisk(record);
      this.#db.prepare(
        `INSERT INTO machine_transitions (disk_key, at, from_state, to_state, step, reason, duration_ms, pass_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        transition.diskKey,
        transition.at,
        transition.from,
        transition.to,
        transition.step,
        transition.reason,
        Math.round(transition.durationMs),
        transition.passId,
      );
    });
  }

  /**
   * Returns the transitions of a disk, newest first.
   *
   * @param diskKey The key.
   * @param options At most `limit` rows (default 100).
   * @returns The transitions.
   */
  history(diskKey: string, options: { limit?: number } = {}): TransitionRecord[] {
    return (this.#db.prepare(
      "SELECT * FROM machine_transitions WHERE disk_key = ? ORDER BY id DESC LIMIT ?",
    ).all(diskKey, options.limit ?? 100) as Record<string, unknown>[]).map(rowToTransition);
  }

  /**
   * Counts a disk's transitions into a state since a time.
   *
   * @param diskKey The key.
   * @param options Target state and the earliest time (ISO).
   * @returns The count.
   */
  countTransitions(diskKey: string, options: { to: DiskState; since: string }): number {
    const r = this.#db.prepare(
      "SELECT COUNT(*) AS n FROM machine_transitions WHERE disk_key = ? AND to_state = ? AND at >= ?",
    ).get(diskKey, options.to, options.since) as { n: number };
    return Number(r.n);
  }

  /**
   * Journals a side effect before it starts (committed on return).
   *
   * @param intent The intent.
   * @returns Its id.
   */
  addIntent(intent: Omit<IntentRecord, "id">): number {
    const r = this.#db.prepare(
      `INSERT INTO machine_intents (disk_key, kind, device, path, detail, pid, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      intent.diskKey,
      intent.kind,
      intent.device,
      intent.path,
      intent.detail,
      intent.pid,
      intent.createdAt,
    );
    return Number(r.lastInsertRowid);
  }

  /**
   * Removes a finished or undone intent.
   *
   * @param id The intent id.
   */
  removeIntent(id: number): void {
    this.#db.prepare("DELETE FROM machine_intents WHERE id = ?").run(id);
  }

  /**
   * Lists open intents, oldest first.
   *
   * @returns The intents.
   */
  listIntents(): IntentRecord[] {
    return (this.#db.prepare("SELECT * FROM machine_intents ORDER BY id").all() as Record<
      string,
      unknown
    >[]).map((r) => ({
      id: Number(r.id),
      diskKey: r.disk_key as string,
      kind: r.kind as IntentKind,
      device: r.device as string,
      path: (r.path as string | null) ?? null,
      detail: r.detail as string,
      pid: Number(r.pid),
      createdAt: r.created_at as string,
    }));
  }
}
