/**
 * Repository of known disks and their check history.
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import type { BlockDisk } from "../inventory/model.ts";
import type { Assessment, SmartReport } from "../smart/model.ts";
import { transaction } from "./db.ts";

/** A disk row as stored. */
export interface KnownDisk {
  /** Stable key. */
  diskKey: string;
  /** Last seen path. */
  path: string;
  /** Kernel name. */
  name: string;
  /** Model. */
  model: string | null;
  /** Serial. */
  serial: string | null;
  /** WWN. */
  wwn: string | null;
  /** by-id path. */
  byIdPath: string | null;
  /** DiskType. */
  diskType: string;
  /** Size. */
  sizeBytes: number;
  /** First seen (ISO). */
  firstSeen: string;
  /** Last seen (ISO). */
  lastSeen: string;
  /** When it vanished (ISO), or null. */
  vanishedAt: string | null;
  /** SCSI failed-command count (`ioerr_cnt`) at the last check, or null. */
  ioErrors: number | null;
  /** When it was acknowledged as gone (`bynar disks forget`), or null. */
  forgottenAt: string | null;
}

/** An audited acknowledgement of a disk (`bynar disks forget`). */
export interface DiskAcknowledgement {
  /** Disk key. */
  diskKey: string;
  /** Serial, when known. */
  serial: string | null;
  /** Last seen path. */
  path: string;
  /** What was acknowledged. */
  action: "forget";
  /** Who. */
  actor: string;
  /** Why. */
  reason: string;
  /** When (ISO). */
  at: string;
}

/** Why a vanished disk is no longer reported. */
export interface RetiredDisk {
  /** Disk key. */
  diskKey: string;
  /** One sentence: replaced (and by what) or forgotten (by whom, why). */
  reason: string;
}

/** One stored check result. */
export interface CheckRecord {
  /** Disk key. */
  diskKey: string;
  /** Time (ISO). */
  checkedAt: string;
  /** Path at check time. */
  path: string;
  /** Verdict. */
  verdict: string;
  /** Reasons. */
  reasons: string[];
  /** SMART source. */
  smartSource: string;
}

function rowToDisk(r: Record<string, unknown>): KnownDisk {
  return {
    diskKey: r.disk_key as string,
    path: r.path as string,
    name: r.name as string,
    model: (r.model as string | null) ?? null,
    serial: (r.serial as string | null) ?? null,
    wwn: (r.wwn as string | null) ?? null,
    byIdPath: (r.by_id_path as string | null) ?? null,
    diskType: r.disk_type as string,
    sizeBytes: Number(r.size_bytes),
    firstSeen: r.first_seen as string,
    lastSeen: r.last_seen as string,
    vanishedAt: (r.vanished_at as string | null) ?? null,
    ioErrors: r.io_errors === null || r.io_errors === undefined ? null : Number(r.io_errors),
    forgottenAt: (r.forgotten_at as string | null) ?? null,
  };
}

function rawOf(report: SmartReport, id: number): number | null {
  return report.attributes.find((a) => a.id === id)?.raw ?? null;
}

/** Reads and writes the `disks` and `check_results` tables. */
export class DisksRepo {
  #db: DatabaseSync;

  /**
   * Wraps an open database.
   *
   * @param db The database (migrated).
   */
  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /**
   * Inserts or refreshes a disk seen on the host now (clears `vanished_at` and
   * `forgotten_at`: a disk that comes back is checked again).
   *
   * @param disk The disk.
   * @param now The time of the sighting.
   * @param options The SCSI failed-command count read now (null: none; undefined: keep).
   */
  upsertSeen(
    disk: BlockDisk,
    now: Date,
    options: { ioErrors?: number | null | undefined } = {},
  ): void {
    const t = now.toISOString();
    this.#db.prepare(
      `INSERT INTO disks (disk_key, path, name, model, serial, wwn, by_id_path, disk_type, size_bytes, first_seen, last_seen, vanished_at, io_errors)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)
       ON CONFLICT(disk_key) DO UPDATE SET path=excluded.path, name=excluded.name, model=excluded.model,
         serial=excluded.serial, wwn=excluded.wwn, by_id_path=excluded.by_id_path, disk_type=excluded.disk_type,
         size_bytes=excluded.size_bytes, last_seen=excluded.last_seen, vanished_at=NULL, forgotten_at=NULL,
         io_errors=${options.ioErrors === undefined ? "disks.io_errors" : "excluded.io_errors"}`,
    ).run(
      disk.identity.key,
      disk.path,
      disk.name,
      disk.identity.model,
      disk.identity.serial,
      disk.identity.wwn,
      disk.identity.byIdPath,
      disk.type,
      disk.sizeBytes,
      t,
      t,
      options.ioErrors ?? null,
    );
  }

  /**
   * Acknowledges a disk as gone for good (`bynar disks forget`): `--check` stops reporting
   * it as vanished; the acknowledgement (who, when, why) is kept. Seeing the disk again
   * clears it.
   *
   * @param diskKey The disk key.
   * @param ack Who and why, and the time.
   * @throws {RangeError} When the disk is unknown.
   */
  forget(diskKey: string, ack: { actor: string; reason: string; now: Date }): void {
    const disk = this.get(diskKey);
    if (!disk) throw new RangeError(`Cannot forget disk "${diskKey}": it is not known`);
    const at = ack.now.toISOString();
    transaction(this.#db, () => {
      this.#db.prepare("UPDATE disks SET forgotten_at = ? WHERE disk_key = ?").run(at, diskKey);
      this.#db.prepare(
        `INSERT INTO disk_acknowledgements (disk_key, serial, path, action, actor, reason, at)
         VALUES (?, ?, ?, 'forget', ?, ?, ?)`,
      ).run(diskKey, disk.serial, disk.path, ack.actor, ack.reason, at);
    });
  }

  /**
   * Lists the acknowledgements, newest first.
   *
   * @param options Restrict to one disk.
   * @returns The acknowledgements.
   */
  acknowledgements(options: { diskKey?: string } = {}): DiskAcknowledgement[] {
    const rows =
      (options.diskKey === undefined
        ? this.#db.prepare("SELECT * FROM disk_acknowledgements ORDER BY id DESC").all()
        : this.#db.prepare(
          "SELECT * FROM disk_acknowledgements WHERE disk_key = ? ORDER BY id DESC",
        )
          .all(options.diskKey)) as Record<string, unknown>[];
    return rows.map((r) => ({
      diskKey: r.disk_key as string,
      serial: (r.serial as string | null) ?? null,
      path: r.path as string,
      action: "forget",
      actor: r.actor as string,
      reason: r.reason as string,
      at: r.at as string,
    }));
  }

  /**
   * Finds the known disks that vanished but need no more reporting: acknowledged with
   * `bynar disks forget`, marked `replaced` by the state machine, or whose detector
   * replacement workflow is done.
   *
   * @returns Why each is retired, by disk key.
   */
  retired(): Map<string, RetiredDisk> {
    const out = new Map<string, RetiredDisk>();
    const add = (diskKey: string, reason: string) => {
      if (!out.has(diskKey)) out.set(diskKey, { diskKey, reason });
    };
    for (
      const r of this.#db.prepare(
        `SELECT d.disk_key, a.actor, a.reason, a.at FROM disks d
       JOIN disk_acknowledgements a ON a.id = (SELECT MAX(id) FROM disk_acknowledgements WHERE disk_key = d.disk_key)
       WHERE d.forgotten_at IS NOT NULL`,
      ).all() as Record<string, string>[]
    ) {
      add(r.disk_key!, `forgotten by ${r.actor} at ${r.at}: ${r.reason}`);
    }
    for (
      const r of this.#db.prepare(
        "SELECT disk_key, replaced_by, reason FROM machine_disks WHERE state = 'replaced'",
      ).all() as Record<string, string | null>[]
    ) {
      add(r.disk_key!, r.reason || `replaced by ${r.replaced_by}`);
    }
    for (
      const r of this.#db.prepare(
        "SELECT disk_key, MAX(id) AS id FROM detect_workflows WHERE status = 'done' GROUP BY disk_key",
      ).all() as Record<string, string>[]
    ) {
      add(r.disk_key!, `its replacement workflow ${r.id} is done`);
    }
    return out;
  }

  /**
   * Marks a known disk as vanished (keeps the first vanish time).
   *
   * @param diskKey The disk key.
   * @param now The time it was found missing.
   */
  markVanished(diskKey: string, now: Date): void {
    this.#db.prepare(
      "UPDATE disks SET vanished_at = COALESCE(vanished_at, ?) WHERE disk_key = ?",
    ).run(now.toISOString(), diskKey);
  }

  /**
   * Lists every known disk.
   *
   * @returns The disks, by key.
   */
  list(): KnownDisk[] {
    return (this.#db.prepare("SELECT * FROM disks ORDER BY disk_key").all() as Record<
      string,
      unknown
    >[]).map(rowToDisk);
  }

  /**
   * The disks last seen at a device path or by-id path.
   *
   * @param path `/dev/sdX` or a `/dev/disk/by-id/…` path.
   * @returns The known disks recorded there.
   */
  seenAt(path: string): KnownDisk[] {
    const rows = this.#db.prepare(
      "SELECT * FROM disks WHERE path = ? OR by_id_path = ?",
    ).all(path, path) as Record<string, unknown>[];
    return rows.map(rowToDisk);
  }

  /**
   * Looks a disk up by key.
   *
   * @param diskKey The key.
   * @returns The disk or null.
   */
  get(diskKey: string): KnownDisk | null {
    const r = this.#db.prepare("SELECT * FROM disks WHERE disk_key = ?").get(diskKey) as
      | Record<string, unknown>
      | undefined;
    return r ? rowToDisk(r) : null;
  }

  /**
   * Records one check result with the key SMART counters.
   *
   * @param disk The disk checked.
   * @param result The SMART report and assessment.
   * @param now The check time.
   */
  recordCheck(
    disk: { identity: { key: string }; path: string },
    result: { report: SmartReport; assessment: Assessment },
    now: Date,
  ): void {
    const { report, assessment } = result;
    this.#db.prepare(
      `INSERT INTO check_results (disk_key, checked_at, path, verdict, reasons, smart_source, smart_status,
         reallocated, pending, offline_uncorr, reported_uncorr, command_timeout, media_errors, percentage_used,
         grown_defects, power_on_hours, temperature_c)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      disk.identity.key,
      now.toISOString(),
      disk.path,
      assessment.verdict,
      JSON.stringify(assessment.reasons),
      report.source,
      report.smartStatusGood === null ? null : report.smartStatusGood ? 1 : 0,
      rawOf(report, 5),
      rawOf(report, 197),
      rawOf(report, 198),
      rawOf(report, 187),
      rawOf(report, 188),
      report.nvme?.mediaErrors ?? null,
      report.nvme?.percentageUsed ?? null,
      report.scsi?.grownDefects ?? null,
      report.powerOnHours,
      report.temperatureCelsius,
    );
  }

  /**
   * Records a whole check pass atomically: sightings, vanishes and results.
   *
   * @param pass The disks seen with their results, and the keys that vanished.
   * @param now The pass time.
   */
  recordPass(
    pass: {
      seen: {
        disk: BlockDisk;
        report: SmartReport;
        assessment: Assessment;
        ioErrors?: number | null | undefined;
      }[];
      vanished: string[];
    },
    now: Date,
  ): void {
    transaction(this.#db, () => {
      for (const s of pass.seen) {
        this.upsertSeen(s.disk, now, { ioErrors: s.ioErrors });
        this.recordCheck(s.disk, s, now);
      }
      for (const k of pass.vanished) this.markVanished(k, now);
    });
  }

  /**
   * Returns the history of checks for a disk, newest first.
   *
   * @param diskKey The disk key.
   * @param options How many rows at most.
   * @returns The records.
   */
  history(diskKey: string, options: { limit?: number } = {}): CheckRecord[] {
    const rows = this.#db.prepare(
      "SELECT * FROM check_results WHERE disk_key = ? ORDER BY id DESC LIMIT ?",
    ).all(diskKey, options.limit ?? 100) as Record<string, unknown>[];
    return rows.map((r) => ({
      diskKey: r.disk_key as string,
      checkedAt: r.checked_at as string,
      path: r.path as string,
      verdict: r.verdict as string,
      reasons: JSON.parse(r.reasons as string) as string[],
      smartSource: r.smart_source as string,
    }));
  }
}
