/**
 * The replacement workflow's vocabulary: the actions a pass may take, their results, the
 * record after a result, the back-off, a new record and its step name.
 *
 * @module
 */
import type { NotifyEvent } from "../notify/types.ts";
import { backoffMs } from "../shared/backoff.ts";
import type { TicketRef } from "../tickets/types.ts";
import type {
  ObservedDisk,
  OpStart,
  OpState,
  SafetyAnswer,
  SlotDisk,
  SlotSmart,
  Workflow,
} from "./types.ts";

/** The one next thing to do for a workflow. */
export type Action =
  /** Nothing more this pass. */
  | { kind: "wait"; reason: string }
  /** A change of the record only (no side effect). */
  | { kind: "update"; patch: Partial<Workflow>; event: string; notify: NotifyEvent[] }
  /** Ask the disk-manager whether the disk can be removed now. */
  | { kind: "check_safe" }
  /** File (or find by label) the ticket. */
  | { kind: "file_ticket" }
  /** Start the removal, or resume/poll the one already journaled. */
  | { kind: "remove" }
  /** Comment on the ticket once (the mark is stored after it). */
  /** (optionally telling Slack as well) */
  | { kind: "comment"; mark: string; text: string; notify?: NotifyEvent[] | undefined }
  /** Start the add of the verified replacement, or resume/poll the journaled one. */
  | { kind: "add"; replacement: Pick<SlotDisk, "key" | "serial" | "path"> }
  /** Comment and close the ticket, then close the workflow with `wf.outcome`. */
  | { kind: "close_ticket"; text: string };

/** What a side effect returned. */
export type ActionResult =
  | { kind: "safety"; answer: Omit<SafetyAnswer, "passId"> }
  | { kind: "ticket"; ref: TicketRef; created: boolean }
  | { kind: "op_started"; start: OpStart }
  | { kind: "op_state"; state: OpState }
  | { kind: "commented" }
  | { kind: "closed" }
  | {
    kind: "error";
    message: string;
    retryAt?: number | undefined;
    /** The request was refused (4xx): nothing started, so a journaled request is reset. */
    refused?: boolean | undefined;
  };

/** The record after a result, what to tell people, and whether to stop for this pass. */
export interface Applied {
  /** The new record. */
  wf: Workflow;
  /** Notifications. */
  notify: NotifyEvent[];
  /** Stop working on this workflow until the next pass (an operation still runs, an error). */
  pause: boolean;
  /** Journal text. */
  event: string;
}

/** Longest back-off after repeated failures of one step, ms. */
export const MAX_BACKOFF_MS = 3_600_000;
/** First back-off, ms. */
export const FIRST_BACKOFF_MS = 30_000;

/**
 * Back-off before retrying a step that failed `errors` times in a row.
 *
 * @param errors Consecutive failures (1 = first).
 * @returns Milliseconds.
 */
export function backoff(errors: number): number {
  return backoffMs(errors, { baseMs: FIRST_BACKOFF_MS, maxMs: MAX_BACKOFF_MS });
}

/**
 * Creates the record of a new workflow for a disk the machine put in
 * `waiting_for_replacement`.
 *
 * @param disk The failing disk.
 * @param options Host, approval mode and now.
 * @returns The workflow without id and attempt.
 */
export function newWorkflow(
  disk: ObservedDisk,
  options: { host: string; approvalMode: "auto" | "manual"; now: Date },
): Omit<Workflow, "id" | "attempt"> {
  const at = options.now.toISOString();
  const wf: Omit<Workflow, "id" | "attempt"> = {
    diskKey: disk.key,
    host: options.host,
    path: disk.path,
    serial: disk.serial ?? disk.key,
    wwn: disk.wwn,
    model: disk.model,
    reasons: disk.reason ? [disk.reason] : [],
    status: "active",
    step: "",
    outcome: null,
    approval: options.approvalMode === "manual" ? "pending" : "not_required",
    approvedBy: null,
    safety: null,
    removal: "pending",
    removeOpId: null,
    removeRequestedAt: null,
    osdId: null,
    ticket: "none",
    ticketId: null,
    ticketKey: null,
    ticketUrl: null,
    resolution: null,
    resolutionName: null,
    replacementKey: null,
    replacementSerial: null,
    add: "pending",
    addOpId: null,
    addRequestedAt: null,
    close: "pending",
    vanishedSeen: disk.vanished,
    marks: [],
    note: "detected",
    errors: 0,
    retryAt: null,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
  };
  return { ...wf, step: stepName(wf as Workflow) };
}

/**
 * The step a workflow is at, in words people read (`bynar detect --status`, logs).
 *
 * @param wf The workflow.
 * @returns The step name.
 */
export function stepName(wf: Workflow): string {
  if (wf.status !== "active") return `closed:${wf.outcome ?? wf.status}`;
  if (wf.close === "requested") return "closing_ticket";
  if (wf.add === "requested") return "adding";
  if (wf.add === "done") return "closing_ticket";
  if (wf.removal === "requested") return "removing";
  if (wf.removal === "pending") {
    if (wf.approval === "pending") return "awaiting_approval";
    return "checking_safety";
  }
  if (wf.ticket !== "filed") return "filing_ticket";
  if (wf.resolution === "resolved") return "verifying_replacement";
  return "awaiting_replacement";
}

/**
 * Whether a replacement's SMART is good enough: an `ok` verdict, or no SMART at all on a
 * device kind that has none (loop, virtio).
 *
 * @param smart The candidate's SMART check.
 * @returns True when acceptable.
 */
export function smartAcceptable(smart: SlotSmart): boolean {
  return smart.verdict === "ok" || (smart.verdict === "unknown" && !smart.available);
}

/**
 * How messages name the workflow's disk.
 *
 * @param wf The workflow.
 * @returns Path and serial.
 */
export function diskName(wf: Workflow): string {
  return `${wf.path} (serial ${wf.serial})`;
}

/**
 * How messages name the workflow's ticket.
 *
 * @param wf The workflow.
 * @returns The ticket key, or "the ticket".
 */
export function ticketName(wf: Workflow): string {
  return wf.ticketKey ?? wf.ticketId ?? "the ticket";
}
