/**
 * Repository of the backend operation journal (migration 3): one row per remove/add and
 * one row per step, written before and after each step so a restarted process resumes
 * from the recorded step.
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import type {
  BackendOp,
  BackendOpKind,
  BackendOpStatus,
  BackendStepStatus,
  NewBackendOp,
  OpsJournal,
} from "../backend/ceph/journal.ts";
import { transaction } from "./db.ts";

interface OpRow {
  id: number;
  backend: string;
  kind: BackendOpKind;
  device: string;
  device_identity: string | null;
  osd_id: number | null;
  osd_fsid: string | null;
  status: BackendOpStatus;
  plan: string;
  state: string;
  last_error: string | null;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
}

interface StepRow {
  seq: number;
  name: string;
  status: BackendStepStatus;
  attempts: number;
  started_at: string | null;
  finished_at: string | null;
  detail: string | null;
}

/** The journal over one database. */
export class BackendOpsRepo implements OpsJournal {
  #db: DatabaseSync;
  #now: () => Date;

  /**
   * Creates the repository.
   *
   * @param db A database migrated to version 3 or later.
   * @param options `now` clock for timestamps.
   */
  constructor(db: DatabaseSync, options: { now?: () => Date } = {}) {
    this.#db = db;
    this.#now = options.now ?? (() => new Date());
  }

  #iso(): string {
    return this.#now().toISOString();
  }

  /**
   * Records a new running operation with its steps (all pending).
   *
   * @param op The operation.
   * @returns The stored operation.
   * @throws {Error} When a running operation already exists for the device (unique index).
   */
  create(op: NewBackendOp): BackendOp {
    const now = this.#iso();
    const id = transaction(this.#db, () => {
      const r = this.#db.prepare(
        `INSERT INTO backend_ops (backend, kind, device, device_identity, osd_id, osd_fsid, status,
           plan, state, started_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?)`,
      ).run(
        op.backend,
        op.kind,
        op.device,
        op.deviceIdentity,
        op.osdId,
        op.osdFsid,
        JSON.stringify(op.plan),
        JSON.stringify(op.state ?? {}),
        now,
        now,
      );
      const opId = Number(r.lastInsertRowid);
      const ins = this.#db.prepare(
        "INSERT INTO backend_op_steps (op_id, seq, name, status) VALUES (?, ?, ?, 'pending')",
      );
      op.stepNames.forEach((name, seq) => ins.run(opId, seq, name));
      return opId;
    });
    return this.get(id)!;
  }

  /**
   * Returns one operation with its steps.
   *
   * @param id Operation id.
   * @returns The operation or null.
   */
  get(id: number): BackendOp | null {
    const row = this.#db.prepare("SELECT * FROM backend_ops WHERE id = ?").get(id) as
      | OpRow
      | undefined;
    return row ? this.#hydrate(row) : null;
  }

  /**
   * Returns the running operation of a kind for a device, or for an OSD id.
   *
   * @param backend Backend name.
   * @param where Device path and/or OSD id.
   * @returns The operation or null.
   */
  findRunning(
    backend: string,
    where: { kind?: BackendOpKind; device?: string; osdId?: number },
  ): BackendOp | null {
    const rows = this.#db.prepare(
      "SELECT * FROM backend_ops WHERE backend = ? AND status = 'running' ORDER BY id",
    ).all(backend) as unknown as OpRow[];
    const row = rows.find((r) =>
      (where.kind === undefined || r.kind === where.kind) &&
      ((where.device !== undefined && r.device === where.device) ||
        (where.osdId !== undefined && r.osd_id === where.osdId))
    );
    return row ? this.#hydrate(row) : null;
  }

  /**
   * Lists operations, newest first.
   *
   * @param options Limit and status filter.
   * @returns The operations.
   */
  list(options: { limit?: number; status?: BackendOpStatus } = {}): BackendOp[] {
    const rows =
      (options.status
        ? this.#db.prepare("SELECT * FROM backend_ops WHERE status = ? ORDER BY id DESC LIMIT ?")
          .all(options.status, options.limit ?? 100)
        : this.#db.prepare("SELECT * FROM backend_ops ORDER BY id DESC LIMIT ?").all(
          options.limit ?? 100,
        )) as unknown as OpRow[];
    return rows.map((r) => this.#hydrate(r));
  }

  /**
   * Marks a step running (attempts + 1) before it executes.
   *
   * @param opId Operation id.
   * @param seq Step position.
   */
  stepStarted(opId: number, seq: number): void {
    const now = this.#iso();
    transaction(this.#db, () => {
      this.#db.prepare(
        `UPDATE backend_op_steps SET status = 'running', attempts = attempts + 1, started_at = ?
         WHERE op_id = ? AND seq = ?`,
      ).run(now, opId, seq);
      this.#db.prepare("UPDATE backend_ops SET updated_at = ? WHERE id = ?").run(now, opId);
    });
  }

  /**
   * Marks a step done (or failed) with a detail.
   *
   * @param opId Operation id.
   * @param seq Step position.
   * @param options Status and detail.
   */
  stepFinished(
    opId: number,
    seq: number,
    options: { status?: "done" | "failed"; detail?: string } = {},
  ): void {
    const now = this.#iso();
    transaction(this.#db, () => {
      this.#db.prepare(
        `UPDATE backend_op_steps SET status = ?, finished_at = ?, detail = ?
         WHERE op_id = ? AND seq = ?`,
      ).run(options.status ?? "done", now, options.detail ?? null, opId, seq);
      this.#db.prepare("UPDATE backend_ops SET updated_at = ? WHERE id = ?").run(now, opId);
    });
  }

  /**
   * Merges keys into the operation state (and optionally sets the OSD id/fsid).
   *
   * @param opId Operation id.
   * @param patch State keys.
   * @param options OSD id / fsid learned during the operation.
   */
  updateState(
    opId: number,
    patch: Record<string, unknown>,
    options: { osdId?: number; osdFsid?: string } = {},
  ): void {
    const op = this.get(opId);
    if (!op) return;
    this.#db.prepare(
      `UPDATE backend_ops SET state = ?, osd_id = COALESCE(?, osd_id),
         osd_fsid = COALESCE(?, osd_fsid), updated_at = ? WHERE id = ?`,
    ).run(
      JSON.stringify({ ...op.state, ...patch }),
      options.osdId ?? null,
      options.osdFsid ?? null,
      this.#iso(),
      opId,
    );
  }

  /**
   * Records the last error of a still-running operation (the next run resumes it).
   *
   * @param opId Operation id.
   * @param message Error message.
   */
  recordError(opId: number, message: string): void {
    this.#db.prepare("UPDATE backend_ops SET last_error = ?, updated_at = ? WHERE id = ?")
      .run(message, this.#iso(), opId);
  }

  /**
   * Finishes an operation.
   *
   * @param opId Operation id.
   * @param status `done` or `abandoned`.
   */
  finish(opId: number, status: "done" | "abandoned" = "done"): void {
    const now = this.#iso();
    this.#db.prepare(
      "UPDATE backend_ops SET status = ?, finished_at = ?, updated_at = ? WHERE id = ?",
    ).run(status, now, now, opId);
  }

  #hydrate(row: OpRow): BackendOp {
    const steps = (this.#db.prepare(
      "SELECT seq, name, status, attempts, started_at, finished_at, detail FROM backend_op_steps WHERE op_id = ? ORDER BY seq",
    ).all(row.id) as unknown as StepRow[]).map((s) => ({
      seq: s.seq,
      name: s.name,
      status: s.status,
      attempts: s.attempts,
      startedAt: s.started_at,
      finishedAt: s.finished_at,
      detail: s.detail,
    }));
    return {
      id: row.id,
      backend: row.backend,
      kind: row.kind,
      device: row.device,
      deviceIdentity: row.device_identity,
      osdId: row.osd_id,
      osdFsid: row.osd_fsid,
      status: row.status,
      plan: JSON.parse(row.plan),
      state: JSON.parse(row.state) as Record<string, unknown>,
      lastError: row.last_error,
      startedAt: row.started_at,
      updatedAt: row.updated_at,
      finishedAt: row.finished_at,
      steps,
    };
  }
}
