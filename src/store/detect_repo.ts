/**
 * Repository of the detector: replacement workflows (one row per failing disk and
 * attempt), the step journal written in the same transaction as each change, and the
 * audited operator approvals.
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import { applyApproval } from "../detect/approval.ts";
import type { ApprovalRecord, Workflow, WorkflowEvent } from "../detect/records.ts";
import { transaction } from "./db.ts";

type Row = Record<string, string | number | null>;

const COLUMNS: [keyof Workflow, string, "text" | "int" | "json" | "bool" | "nullint"][] = [
  ["diskKey", "disk_key", "text"],
  ["attempt", "attempt", "int"],
  ["host", "host", "text"],
  ["path", "path", "text"],
  ["serial", "serial", "text"],
  ["wwn", "wwn", "text"],
  ["model", "model", "text"],
  ["reasons", "reasons", "json"],
  ["status", "status", "text"],
  ["step", "step", "text"],
  ["outcome", "outcome", "text"],
  ["approval", "approval", "text"],
  ["approvedBy", "approved_by", "text"],
  ["safety", "safety", "json"],
  ["removal", "removal", "text"],
  ["removeOpId", "remove_op_id", "text"],
  ["removeRequestedAt", "remove_requested_at", "text"],
  ["osdId", "osd_id", "nullint"],
  ["ticket", "ticket", "text"],
  ["ticketId", "ticket_id", "text"],
  ["ticketKey", "ticket_key", "text"],
  ["ticketUrl", "ticket_url", "text"],
  ["resolution", "resolution", "text"],
  ["resolutionName", "resolution_name", "text"],
  ["replacementKey", "replacement_key", "text"],
  ["replacementSerial", "replacement_serial", "text"],
  ["add", "add_state", "text"],
  ["addOpId", "add_op_id", "text"],
  ["addRequestedAt", "add_requested_at", "text"],
  ["close", "close_state", "text"],
  ["vanishedSeen", "vanished_seen", "bool"],
  ["marks", "marks", "json"],
  ["note", "note", "text"],
  ["errors", "errors", "int"],
  ["retryAt", "retry_at", "text"],
  ["createdAt", "created_at", "text"],
  ["updatedAt", "updated_at", "text"],
  ["closedAt", "closed_at", "text"],
];

function toRow(wf: Workflow): (string | number | null)[] {
  return COLUMNS.map(([k, , t]) => {
    const v = wf[k] as unknown;
    if (t === "json") return v === null ? null : JSON.stringify(v);
    if (t === "bool") return v ? 1 : 0;
    return (v ?? null) as string | number | null;
  });
}

function fromRow(r: Row): Workflow {
  const wf: Record<string, unknown> = { id: Number(r.id) };
  for (const [k, col, t] of COLUMNS) {
    const v = r[col] ?? null;
    if (t === "json") wf[k] = v === null ? null : JSON.parse(String(v));
    else if (t === "bool") wf[k] = Number(v) === 1;
    else if (t === "int") wf[k] = Number(v);
    else if (t === "nullint") wf[k] = v === null ? null : Number(v);
    else wf[k] = v;
  }
  return wf as unknown as Workflow;
}

/** The SQLite store of the detector (implements the detector's `DetectStore` port). */
export class DetectRepo {
  #db: DatabaseSync;

  /**
   * Creates the repository on an open, migrated database.
   *
   * @param db The database.
   */
  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /**
   * Lists the active workflows, oldest first.
   *
   * @returns The workflows.
   */
  listActive(): Workflow[] {
    return (this.#db.prepare("SELECT * FROM detect_workflows WHERE status = 'active' ORDER BY id")
      .all() as Row[]).map(fromRow);
  }

  /**
   * Lists workflows, newest first.
   *
   * @param options `limit` (default 100) and whether to include closed ones (default true).
   * @returns The workflows.
   */
  list(options: { limit?: number; includeClosed?: boolean } = {}): Workflow[] {
    const where = options.includeClosed === false ? "WHERE status = 'active'" : "";
    return (this.#db.prepare(`SELECT * FROM detect_workflows ${where} ORDER BY id DESC LIMIT ?`)
      .all(options.limit ?? 100) as Row[]).map(fromRow);
  }

  /**
   * The latest workflow of a disk.
   *
   * @param diskKey The identity key.
   * @returns The workflow or null.
   */
  latest(diskKey: string): Workflow | null {
    const r = this.#db.prepare(
      "SELECT * FROM detect_workflows WHERE disk_key = ? ORDER BY attempt DESC LIMIT 1",
    ).get(diskKey) as Row | undefined;
    return r ? fromRow(r) : null;
  }

  /**
   * Reads a workflow.
   *
   * @param id The id.
   * @returns The workflow or null.
   */
  get(id: number): Workflow | null {
    const r = this.#db.prepare("SELECT * FROM detect_workflows WHERE id = ?").get(id) as
      | Row
      | undefined;
    return r ? fromRow(r) : null;
  }

  /**
   * Creates a workflow with the next attempt number of its disk, journaling `opened`.
   *
   * @param wf The workflow without id and attempt.
   * @returns The stored workflow.
   * @throws {Error} When the disk already has an active workflow (unique index).
   */
  create(wf: Omit<Workflow, "id" | "attempt">): Workflow {
    return transaction(this.#db, () => {
      const prev = this.#db.prepare(
        "SELECT COALESCE(MAX(attempt), 0) AS a FROM detect_workflows WHERE disk_key = ?",
      ).get(wf.diskKey) as { a: number };
      const full = { ...wf, id: 0, attempt: Number(prev.a) + 1 } as Workflow;
      const cols = COLUMNS.map(([, c]) => c);
      const res = this.#db.prepare(
        `INSERT INTO detect_workflows (${cols.join(", ")}) VALUES (${
          cols.map(() => "?").join(", ")
        })`,
      ).run(...toRow(full));
      full.id = Number(res.lastInsertRowid);
      this.#event(full.id, full.createdAt, full.step, `opened: ${full.reasons.join("; ")}`);
      return full;
    });
  }

  /**
   * Stores a workflow and its journal entry in one transaction.
   *
   * @param wf The workflow.
   * @param event What happened or is about to happen.
   */
  save(wf: Workflow, event: string): void {
    transaction(this.#db, () => {
      const sets = COLUMNS.map(([, c]) => `${c} = ?`).join(", ");
      this.#db.prepare(`UPDATE detect_workflows SET ${sets} WHERE id = ?`).run(...toRow(wf), wf.id);
      this.#event(wf.id, wf.updatedAt, wf.step, event);
    });
  }

  #event(id: number, at: string, step: string, event: string): void {
    this.#db.prepare("INSERT INTO detect_events (workflow_id, at, step, event) VALUES (?, ?, ?, ?)")
      .run(id, at, step, event);
  }

  /**
   * Outcome and lead time (detection to close, seconds) of every closed workflow.
   *
   * @returns One entry per closed workflow.
   */
  closedLeadTimes(): { outcome: string; seconds: number }[] {
    const rows = this.#db.prepare(
      "SELECT COALESCE(outcome, status) AS outcome, created_at, closed_at FROM detect_workflows " +
        "WHERE status != 'active' AND closed_at IS NOT NULL",
    ).all() as { outcome: string; created_at: string; closed_at: string }[];
    return rows.map((r) => ({
      outcome: r.outcome,
      seconds: Math.max(0, (Date.parse(r.closed_at) - Date.parse(r.created_at)) / 1000),
    }));
  }

  /**
   * When a workflow entered its current step: the first journal entry after the last one
   * recorded at another step.
   *
   * @param id The workflow id.
   * @returns The ISO time, or null when the workflow has no journal.
   */
  stepSince(id: number): string | null {
    const r = this.#db.prepare(
      `SELECT MIN(e.at) AS since FROM detect_events e
        WHERE e.workflow_id = ?1
          AND e.id > COALESCE((SELECT MAX(o.id) FROM detect_events o
                                WHERE o.workflow_id = ?1
                                  AND o.step != (SELECT step FROM detect_workflows WHERE id = ?1)), 0)`,
    ).get(id) as { since: string | null } | undefined;
    return r?.since ?? null;
  }

  /**
   * The journal of a workflow, oldest first.
   *
   * @param id The workflow id.
   * @returns The events.
   */
  events(id: number): WorkflowEvent[] {
    return this.#db.prepare(
      "SELECT at, step, event FROM detect_events WHERE workflow_id = ? ORDER BY id",
    ).all(id) as unknown as WorkflowEvent[];
  }

  /**
   * Finds the active workflow of a disk by serial, WWN or identity key.
   *
   * @param disk Serial, WWN or key.
   * @returns The workflow or null.
   */
  findActive(disk: string): Workflow | null {
    const r = this.#db.prepare(
      "SELECT * FROM detect_workflows WHERE status = 'active' AND (serial = ? OR wwn = ? OR disk_key = ?) ORDER BY id LIMIT 1",
    ).get(disk, disk, disk) as Row | undefined;
    return r ? fromRow(r) : null;
  }

  /**
   * Records an operator decision and applies it to the workflow, in one transaction.
   *
   * @param rec The decision (workflowId names the workflow).
   * @returns The updated workflow.
   * @throws {Error} When the workflow does not exist, is closed, or does not await approval.
   */
  decide(rec: ApprovalRecord): Workflow {
    return transaction(this.#db, () => {
      const wf = this.get(rec.workflowId);
      const next = applyApproval(wf, rec);
      this.#db.prepare(
        "INSERT INTO detect_approvals (workflow_id, serial, decision, actor, via, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ).run(rec.workflowId, rec.serial, rec.decision, rec.actor, rec.via, rec.reason, rec.at);
      this.#db.prepare(
        "UPDATE detect_workflows SET approval = ?, approved_by = ?, note = ?, updated_at = ? WHERE id = ?",
      ).run(next.approval, next.approvedBy, next.note, next.updatedAt, next.id);
      this.#event(next.id, rec.at, next.step, next.note);
      return next;
    });
  }

  /**
   * The audit trail of approvals, newest first.
   *
   * @param options Limit (default 100).
   * @returns The decisions.
   */
  approvals(options: { limit?: number } = {}): ApprovalRecord[] {
    return (this.#db.prepare(
      "SELECT workflow_id, serial, decision, actor, via, reason, at FROM detect_approvals ORDER BY id DESC LIMIT ?",
    ).all(options.limit ?? 100) as Row[]).map((r) => ({
      workflowId: Number(r.workflow_id),
      serial: String(r.serial),
      decision: r.decision as "approve" | "reject",
      actor: String(r.actor),
      via: String(r.via),
      reason: String(r.reason),
      at: String(r.at),
    }));
  }

  /**
   * Open tickets filed by the detector (for the API's `/v1/tickets`).
   *
   * @returns Ticket key and host of every active workflow with a ticket.
   */
  openTickets(): { ticketId: string; serverName: string }[] {
    return (this.#db.prepare(
      "SELECT ticket_key, host FROM detect_workflows WHERE status = 'active' AND ticket = 'filed' ORDER BY id",
    ).all() as Row[]).map((r) => ({ ticketId: String(r.ticket_key), serverName: String(r.host) }));
  }
}
