/**
 * The Ceph backend's operation journal port: one record per remove/add and one per step,
 * written before and after each step so a restarted process resumes from the recorded
 * step. Owned by the backend; the store (`store/backend_ops_repo.ts`) implements it.
 *
 * @module
 */

/** Operation kinds. */
export type BackendOpKind = "remove" | "add";
/** Operation statuses. */
export type BackendOpStatus = "running" | "done" | "abandoned";
/** Step statuses. */
export type BackendStepStatus = "pending" | "running" | "done" | "failed";

/** A planned step as stored. */
export interface StoredStep {
  /** Position. */
  seq: number;
  /** Name. */
  name: string;
  /** Status. */
  status: BackendStepStatus;
  /** Times started. */
  attempts: number;
  /** ISO time. */
  startedAt: string | null;
  /** ISO time. */
  finishedAt: string | null;
  /** Free text (what happened). */
  detail: string | null;
}

/** An operation as stored. */
export interface BackendOp {
  /** Id. */
  id: number;
  /** Backend name. */
  backend: string;
  /** Kind. */
  kind: BackendOpKind;
  /** Device path at the start. */
  device: string;
  /** Device identity at the start. */
  deviceIdentity: string | null;
  /** OSD id. */
  osdId: number | null;
  /** OSD fsid. */
  osdFsid: string | null;
  /** Status. */
  status: BackendOpStatus;
  /** The plan (JSON value). */
  plan: unknown;
  /** Free-form state (JSON object). */
  state: Record<string, unknown>;
  /** Last error message. */
  lastError: string | null;
  /** ISO time. */
  startedAt: string;
  /** ISO time. */
  updatedAt: string;
  /** ISO time. */
  finishedAt: string | null;
  /** Steps in order. */
  steps: StoredStep[];
}

/** Input of {@linkcode OpsJournal.create}. */
export interface NewBackendOp {
  /** Backend name. */
  backend: string;
  /** Kind. */
  kind: BackendOpKind;
  /** Device path. */
  device: string;
  /** Device identity. */
  deviceIdentity: string | null;
  /** OSD id. */
  osdId: number | null;
  /** OSD fsid. */
  osdFsid: string | null;
  /** Plan (stored as JSON). */
  plan: unknown;
  /** Step names in order. */
  stepNames: string[];
  /** Initial state. */
  state?: Record<string, unknown>;
}

/** The journal the backend and its executor write through. */
export interface OpsJournal {
  /**
   * Creates an operation with its steps (all pending).
   *
   * @param op The new operation.
   * @returns The stored operation.
   */
  create(op: NewBackendOp): BackendOp;
  /**
   * One operation.
   *
   * @param id Operation id.
   * @returns The operation, or null.
   */
  get(id: number): BackendOp | null;
  /**
   * The running operation of a backend matching kind, device or OSD id, if any.
   *
   * @param backend Backend name.
   * @param where Kind, device, OSD id.
   * @returns The oldest match, or null.
   */
  findRunning(
    backend: string,
    where: { kind?: BackendOpKind; device?: string; osdId?: number },
  ): BackendOp | null;
  /**
   * Operations, newest first.
   *
   * @param options Limit and status filter.
   * @returns The operations.
   */
  list(options?: { limit?: number; status?: BackendOpStatus }): BackendOp[];
  /**
   * Marks a step running (before its side effect).
   *
   * @param opId Operation id.
   * @param seq Step number.
   */
  stepStarted(opId: number, seq: number): void;
  /**
   * Marks a step done or failed (after its side effect).
   *
   * @param opId Operation id.
   * @param seq Step number.
   * @param options Status and detail.
   */
  stepFinished(
    opId: number,
    seq: number,
    options?: { status?: "done" | "failed"; detail?: string },
  ): void;
  /**
   * Merges facts into the operation's state (and sets its OSD id/fsid once known).
   *
   * @param opId Operation id.
   * @param patch State fields.
   * @param options OSD id and fsid.
   */
  updateState(
    opId: number,
    patch: Record<string, unknown>,
    options?: { osdId?: number; osdFsid?: string },
  ): void;
  /**
   * Records the last error of an operation.
   *
   * @param opId Operation id.
   * @param message The error.
   */
  recordError(opId: number, message: string): void;
  /**
   * Finishes an operation.
   *
   * @param opId Operation id.
   * @param status Done or abandoned.
   */
  finish(opId: number, status?: "done" | "abandoned"): void;
}
