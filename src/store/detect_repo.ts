/**
 * Repository of the detector: replacement workflows (one row per failing disk and
 * attempt), the step journal written in the same transaction as each change, and the
 * audited operator approvals.
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import { transaction } from "./db.ts";

/** Whether a workflow is still running. */
export type WorkflowStatus = "active" | "done" | "cancelled";

/** Progress of the removal from the cluster. */
export type RemovalState =
  /** Not asked yet. */
  | "pending"
  /** Journaled: the remove request is (about to be) sent; the operation id may be unknown. */
  | "requested"
  /** Removed (or found already removed), OSD id kept. */
  | "done"
  /** Not a cluster disk (system, journal or unused): nothing to remove. */
  | "skipped";

/** Progress of the re-add of the replacement. */
export type AddState = "pending" | "requested" | "done";

/** Operator approval (bynar.json `approval: manual`). */
export type ApprovalState = "not_required" | "pending" | "approved" | "rejected";

/** Progress of the ticket. */
export type TicketProgress =
  /** No ticket yet. */
  | "none"
  /** Journaled: create is (about to be) called; create searches by label first. */
  | "requested"
  /** Filed (or found open by its label). */
  | "filed";

/** What the tracker said about the ticket last time it was polled. */
export type Resolution = "open" | "resolved" | "wont_do" | "missing";

/** Progress of the final comment + close. */
export type CloseState = "pending" | "requested" | "done";

/** The last safe-to-remove answer, with the pass it was asked in. */
export interface SafetyAnswer {
  /** Pass id. */
  passId: string;
  /** `Success`, `Skipped` (not a cluster disk) or `SkipRepeat` (already removed). */
  outcome: "Success" | "Skipped" | "SkipRepeat" | "Error";
  /** Safe now. */
  safe: boolean;
  /** Explanation. */
  reason: string;
  /** OSD id, when the disk is (was) an OSD. */
  osdId: number | null;
}

/** One replacement workflow: a failing disk, from detection to the replacement in service. */
export interface Workflow {
  /** Row id. */
  id: number;
  /** Identity key of the failed disk. */
  diskKey: string;
  /** 1 for the first failure of this disk, 2 when it fails again later (B-72). */
  attempt: number;
  /** Host name. */
  host: string;
  /** The slot: the failed disk's device path. */
  path: string;
  /** Serial of the failed disk (the key when it has none). */
  serial: string;
  /** WWN of the failed disk. */
  wwn: string | null;
  /** Model of the failed disk. */
  model: string | null;
  /** Why it failed. */
  reasons: string[];
  /** Active, done or cancelled. */
  status: WorkflowStatus;
  /** Current step name (derived, for people). */
  step: string;
  /** Why it was closed (`replaced`, `wont_do`, `disk_back`, `same_disk`, `rejected`). */
  outcome: string | null;
  /** Approval. */
  approval: ApprovalState;
  /** Who approved or rejected. */
  approvedBy: string | null;
  /** Last safe-to-remove answer. */
  safety: SafetyAnswer | null;
  /** Removal progress. */
  removal: RemovalState;
  /** Disk-manager operation id of the removal. */
  removeOpId: string | null;
  /** When the removal was journaled (ISO). */
  removeRequestedAt: string | null;
  /** OSD id (kept for the replacement). */
  osdId: number | null;
  /** Ticket progress. */
  ticket: TicketProgress;
  /** Tracker id. */
  ticketId: string | null;
  /** Tracker key, e.g. `OPS-12`. */
  ticketKey: string | null;
  /** Browse URL. */
  ticketUrl: string | null;
  /** Last polled state of the ticket (null until polled). */
  resolution: Resolution | null;
  /** Resolution name, e.g. `Fixed` or `Won't Do`. */
  resolutionName: string | null;
  /** Identity key of the verified replacement. */
  replacementKey: string | null;
  /** Serial of the replacement. */
  replacementSerial: string | null;
  /** Add progress. */
  add: AddState;
  /** Disk-manager operation id of the add. */
  addOpId: string | null;
  /** When the add was journaled (ISO). */
  addRequestedAt: string | null;
  /** Close progress. */
  close: CloseState;
  /** The failed disk was seen gone from the host. */
  vanishedSeen: boolean;
  /** One-shot markers (comments posted, notifications sent) so nothing is repeated each pass. */
  marks: string[];
  /** Why it waits, or the last error. */
  note: string;
  /** Consecutive failures of the current step. */
  errors: number;
  /** Do not retry the failing step before this time (ISO). */
  retryAt: string | null;
  /** Created (ISO). */
  createdAt: string;
  /** Last change (ISO). */
  updatedAt: string;
  /** Closed (ISO). */
  closedAt: string | null;
}

/** An operator decision on a workflow in manual approval mode. */
export interface ApprovalRecord {
  /** Workflow id. */
  workflowId: number;
  /** Serial of the disk. */
  serial: string;
  /** `approve` or `reject`. */
  decision: "approve" | "reject";
  /** Who decided (user name or token subject). */
  actor: string;
  /** Where it came from (`cli`, `api`). */
  via: string;
  /** Free text. */
  reason: string;
  /** When (ISO). */
  at: string;
}

/** One journal entry of a workflow. */
export interface WorkflowEvent {
  /** When (ISO). */
  at: string;
  /** The workflow's step at that moment. */
  step: string;
  /** What happened or is about to happen. */
  event: string;
}

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
      if (!wf || wf.status !== "active") {
        throw new Error(`Cannot ${rec.decision} workflow ${rec.workflowId}: it is not active`);
      }
      if (wf.removal !== "pending" || wf.approval === "approved" || wf.approval === "rejected") {
        throw new Error(
          `Cannot ${rec.decision} disk "${wf.serial}": it does not await approval (approval ${wf.approval}, removal ${wf.removal})`,
        );
      }
      this.#db.prepare(
        "INSERT INTO detect_approvals (workflow_id, serial, decision, actor, via, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ).run(rec.workflowId, rec.serial, rec.decision, rec.actor, rec.via, rec.reason, rec.at);
      const next: Workflow = {
        ...wf,
        approval: rec.decision === "approve" ? "approved" : "rejected",
        approvedBy: rec.actor,
        note: `${
          rec.decision === "approve" ? "approved" : "rejected"
        } by ${rec.actor} via ${rec.via}`,
        updatedAt: rec.at,
      };
      this.#db.prepare(
        "UPDATE detect_workflows SET approval = ?, approved_by = ?, note = ?, updated_at = ? WHERE id = ?",
      ).run(next.approval, next.approvedBy, next.note, next.updatedAt, wf.id);
      this.#event(wf.id, rec.at, wf.step, next.note);
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
