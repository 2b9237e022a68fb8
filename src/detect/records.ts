/**
 * The detector's replacement workflow record (one per failing disk and attempt), the
 * operator's approval record and the journal entry. Owned by the detector; the store
 * (`store/detect_repo.ts`) persists them.
 *
 * @module
 */

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
