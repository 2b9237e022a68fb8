/**
 * The detector's data and ports: the replacement workflow record (one per failing disk
 * and attempt), the facts a pass gathers, and the small interfaces every side effect goes
 * through (disk-manager, host scan, store). Pure types, no I/O.
 *
 * @module
 */
import type { Verdict } from "../smart/model.ts";

export type {
  AddState,
  ApprovalRecord,
  ApprovalState,
  CloseState,
  RemovalState,
  Resolution,
  SafetyAnswer,
  TicketProgress,
  Workflow,
  WorkflowEvent,
  WorkflowStatus,
} from "./records.ts";
import type { SafetyAnswer, Workflow } from "./records.ts";

/** A disk attached now (for slot checks). */
export interface AttachedDisk {
  /** Identity key. */
  key: string;
  /** Device path. */
  path: string;
  /** Serial. */
  serial: string | null;
  /** WWN. */
  wwn: string | null;
  /** Model. */
  model: string | null;
  /** /dev/disk/by-id link, when known. */
  byIdPath?: string | null;
}

/** The SMART check of a replacement candidate. */
export interface SlotSmart {
  /** Verdict of the policy. */
  verdict: Verdict;
  /** Whether the device has SMART at all (loop, virtio: no). */
  available: boolean;
  /** Reasons. */
  reasons: string[];
}

/** The disk found in a workflow's slot, with its SMART check. */
export interface SlotDisk extends AttachedDisk {
  /** SMART of the candidate. */
  smart: SlotSmart;
}

/** Whether destructive actions may run now (maintenance windows, freeze file). */
export interface DestructiveGate {
  /** Allowed now. */
  allowed: boolean;
  /** Why not (or "" when allowed). */
  reason: string;
}

/** What a pass knows about one workflow when deciding its next step. */
export interface StepFacts {
  /** Now. */
  now: Date;
  /** Pass id. */
  passId: string;
  /** bynar.json `approval`. */
  approvalMode: "auto" | "manual";
  /** Windows and freeze. */
  gate: DestructiveGate;
  /** The failed disk (same identity key) is attached now. */
  failedPresent: boolean;
  /** The disk found in the slot (another identity), null when the slot is empty. */
  slot: SlotDisk | null;
  /** Whether the slot was inspected this pass (only after a resolved ticket). */
  slotChecked: boolean;
  /** When the workflow entered its current step (ISO), when known. */
  stepSince?: string | null | undefined;
  /**
   * After how long without progress a waiting workflow is reported (once per step) to
   * Slack and the ticket, ms (bynar.json `stall_report_minutes`); 0 = never.
   */
  stallMs?: number | undefined;
}

/** The outcome of a disk-manager call that may start a long operation. */
export type OpStart =
  /** Finished at once (e.g. `SkipRepeat`: already removed). */
  | {
    kind: "done";
    outcome: "Success" | "Skipped" | "SkipRepeat";
    message: string;
    osdId: number | null;
  }
  /** Started in the background: poll it. */
  | { kind: "started"; opId: string };

/** State of a long disk-manager operation. */
export interface OpState {
  /** `PENDING`, `RUNNING`, `SUCCEEDED`, `FAILED`, or `MISSING` when unknown. */
  state: "PENDING" | "RUNNING" | "SUCCEEDED" | "FAILED" | "MISSING";
  /** Message or error. */
  message: string;
  /** OSD id, when reported. */
  osdId: number | null;
  /** Outcome when SUCCEEDED. */
  outcome?: "Success" | "Skipped" | "SkipRepeat" | undefined;
}

/** A disk named for a mutating call: path AND identity (and the kept OSD id). */
export interface ManagedDisk {
  /** Device path. */
  path: string;
  /** Identity key, serial or WWN. */
  identity: string;
  /** OSD id (kept id for add; the stored id for removing a vanished disk's OSD). */
  osdId?: number | null | undefined;
}

/** The local disk-manager, as the detector uses it (HTTPS + token in production). */
export interface DiskManagerPort {
  /**
   * Asks whether a disk can be removed now.
   *
   * @param disk Path and identity.
   * @returns The answer.
   * @throws {BynarError} When the disk-manager cannot answer (after retries).
   */
  safeToRemove(disk: ManagedDisk): Promise<Omit<SafetyAnswer, "passId">>;
  /**
   * Starts removing a disk from the cluster, keeping its OSD id.
   *
   * @param disk Path, identity, stored OSD id.
   * @returns Done at once, or an operation id.
   * @throws {BynarError} When refused or unreachable.
   */
  remove(disk: ManagedDisk): Promise<OpStart>;
  /**
   * Starts adding a replacement disk (reusing the kept OSD id).
   *
   * @param disk Path, identity, OSD id.
   * @returns Done at once, or an operation id.
   * @throws {BynarError} When refused or unreachable.
   */
  add(disk: ManagedDisk): Promise<OpStart>;
  /**
   * Reads a long operation.
   *
   * @param opId The id.
   * @returns Its state (`MISSING` when the disk-manager does not know it).
   * @throws {BynarError} When unreachable.
   */
  operation(opId: string): Promise<OpState>;
  /**
   * Finds an operation started for a disk since a time (resuming after a crash between
   * sending a request and storing its id).
   *
   * @param kind `Remove` or `Add`.
   * @param options Device path and earliest creation time (ISO).
   * @returns The operation id, or null.
   * @throws {BynarError} When unreachable.
   */
  findOperation(
    kind: "Remove" | "Add",
    options: { path: string; since: string },
  ): Promise<string | null>;
}

/** One disk as the state machine left it after this pass. */
export interface ObservedDisk {
  /** Identity key. */
  key: string;
  /** Last seen path. */
  path: string;
  /** Serial. */
  serial: string | null;
  /** WWN (null when unknown or vanished). */
  wwn: string | null;
  /** Model. */
  model: string | null;
  /** Machine state. */
  state: string;
  /** Why. */
  reason: string;
  /** Gone from the host. */
  vanished: boolean;
  /** When it last entered `waiting_for_replacement` (ISO), if ever. */
  enteredWfrAt: string | null;
}

/** The result of scanning the host once. */
export interface HostScan {
  /** Every disk the machine knows, after this pass. */
  disks: ObservedDisk[];
  /** The disks attached now. */
  attached: AttachedDisk[];
}

/** The host side: the state-machine pass and SMART of replacement candidates. */
export interface HostPort {
  /** Host name used in tickets and messages. */
  readonly hostname: string;
  /**
   * Runs one state-machine pass over the host's disks.
   *
   * @returns What the machine knows and what is attached.
   */
  scan(): Promise<HostScan>;
  /**
   * Checks the SMART health of a replacement candidate.
   *
   * @param disk The attached disk.
   * @returns Verdict, availability, reasons.
   */
  smart(disk: AttachedDisk): Promise<SlotSmart>;
}

/** Persistence of workflows (SQLite in production, memory in unit tests). */
export interface DetectStore {
  /**
   * Lists the active workflows, oldest first.
   *
   * @returns The workflows.
   */
  listActive(): Workflow[];
  /**
   * The latest workflow of a disk (any status).
   *
   * @param diskKey The identity key.
   * @returns The workflow or null.
   */
  latest(diskKey: string): Workflow | null;
  /**
   * Creates a workflow (attempt = previous attempt + 1).
   *
   * @param wf The new workflow without id and attempt.
   * @returns The stored workflow.
   */
  create(wf: Omit<Workflow, "id" | "attempt">): Workflow;
  /**
   * Stores a workflow and journals the step, atomically.
   *
   * @param wf The workflow.
   * @param event What happened (or is about to happen), for the journal.
   */
  save(wf: Workflow, event: string): void;
  /**
   * Reads a workflow.
   *
   * @param id The id.
   * @returns The workflow or null.
   */
  get(id: number): Workflow | null;
  /**
   * When a workflow entered its current step (from its journal).
   *
   * @param id The id.
   * @returns The ISO time, or null when unknown.
   */
  stepSince?(id: number): string | null;
}
