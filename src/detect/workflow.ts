/**
 * The replacement workflow of one failing disk as a pure step function.
 *
 * {@linkcode decide} looks at a stored workflow and this pass's facts and names the ONE
 * next action (or a wait). {@linkcode journal} is what is stored BEFORE a side effect
 * starts, {@linkcode applyResult} what is stored after it. Because every side effect is
 * journaled first and every effect is either idempotent (ticket create searches by label,
 * close of a done ticket succeeds) or looked up before it is repeated (remove/add find
 * the disk-manager operation started since the journal entry), a crash at any point
 * resumes without a duplicate ticket, removal or add.
 *
 * Sequence: safe-to-remove → (manual approval: file the ticket, wait for `bynar approve`)
 * → remove (OSD id kept) → ticket (one, by label) → poll → resolved (won't-do is reported,
 * not acted on) → verify the disk in the slot (another serial/WWN, SMART ok) → add →
 * comment + close. Removal and add wait for a maintenance window and no freeze; tickets
 * and detection never wait.
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
  StepFacts,
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
  /** Comment on the ticket once (the mark is stored after it), optionally telling Slack. */
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

function diskName(wf: Workflow): string {
  return `${wf.path} (serial ${wf.serial})`;
}

function ticketName(wf: Workflow): string {
  return wf.ticketKey ?? wf.ticketId ?? "the ticket";
}

function update(patch: Partial<Workflow>, event: string, notify: NotifyEvent[] = []): Action {
  return { kind: "update", patch, event, notify };
}

function wait(reason: string): Action {
  return { kind: "wait", reason };
}

function once(
  wf: Workflow,
  mark: string,
  text: string,
  then: Action,
  notify?: NotifyEvent[],
): Action {
  if (wf.ticket === "filed" && !wf.marks.includes(mark)) {
    return { kind: "comment", mark, text, ...(notify ? { notify } : {}) };
  }
  return then;
}

function closeWith(
  now: Date,
  status: "done" | "cancelled",
  outcome: string,
  event: string,
  notify: NotifyEvent[] = [],
): Action {
  return update(
    { status, outcome, closedAt: now.toISOString(), note: event },
    event,
    notify,
  );
}

/**
 * The closing comment of a ticket, from the workflow's outcome.
 *
 * @param wf The workflow (its `outcome` is set when the close was journaled).
 * @returns The comment text.
 */
export function closeText(wf: Workflow): string {
  if (wf.outcome === "replaced") {
    return `Bynar verified the replacement in ${wf.path} (serial ${
      wf.replacementSerial ?? "unknown"
    }, ` +
      `not ${wf.serial}), SMART ok, and added it back` +
      (wf.osdId !== null ? ` as osd.${wf.osdId}` : "") + ". Closing.";
  }
  if (wf.outcome === "disk_back") {
    return `Disk ${wf.serial} is attached again at ${wf.path} and was never removed from the ` +
      "cluster: no replacement needed. Closing.";
  }
  return `Bynar closes this ticket (${wf.outcome ?? "done"}).`;
}

/**
 * Decides the next action of a workflow. Pure.
 *
 * @param wf The stored workflow.
 * @param f This pass's facts.
 * @returns The action.
 */
export function decide(wf: Workflow, f: StepFacts): Action {
  const next = decideNext(wf, f);
  if (next.kind !== "wait" || wf.status !== "active") return next;
  return stallReport(wf, f, next.reason) ?? next;
}

/** Steps that wait for people (the ticket, an approval), not for Bynar: never "stalled". */
const PEOPLE_STEPS: ReadonlySet<string> = new Set(["awaiting_replacement", "awaiting_approval"]);

/**
 * The once-per-step report of a workflow that waits without progress for longer than
 * `f.stallMs`: a ticket comment (when there is a ticket) and a Slack message.
 *
 * @param wf The workflow.
 * @param f This pass's facts (`stepSince`, `stallMs`).
 * @param reason Why it waits now.
 * @returns The report action, or null.
 */
export function stallReport(wf: Workflow, f: StepFacts, reason: string): Action | null {
  const step = stepName(wf);
  if (!f.stallMs || !f.stepSince || PEOPLE_STEPS.has(step)) return null;
  const ms = f.now.getTime() - Date.parse(f.stepSince);
  const mark = `stalled:${step}`;
  if (!(ms >= f.stallMs) || wf.marks.includes(mark)) return null;
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const notify: NotifyEvent[] = [{
    kind: "stalled",
    host: wf.host,
    disk: wf.path,
    step,
    minutes,
    reason,
    ticket: wf.ticketKey ?? undefined,
  }];
  const text = `Bynar has made no progress on ${diskName(wf)} for ${minutes} min: it is at ` +
    `step "${step}" and ${reason}. Bynar keeps trying every pass; see "bynar detect ` +
    `--status" and the detector log on ${wf.host}.`;
  if (wf.ticket === "filed") return { kind: "comment", mark, text, notify };
  return update({ marks: [...wf.marks, mark] }, `stalled at ${step} for ${minutes} min`, notify);
}

function decideNext(wf: Workflow, f: StepFacts): Action {
  if (wf.status !== "active") return wait(`closed (${wf.outcome ?? wf.status})`);
  if (wf.retryAt && f.now.getTime() < Date.parse(wf.retryAt)) {
    return wait(`retrying after ${wf.retryAt}: ${wf.note}`);
  }
  if (wf.close === "requested") return { kind: "close_ticket", text: closeText(wf) };

  // Identity bookkeeping: gone, and back again.
  if (!f.failedPresent && !wf.vanishedSeen) {
    return update({ vanishedSeen: true }, `disk ${diskName(wf)} vanished from the host`);
  }
  const untouched = wf.removal === "pending" || wf.removal === "skipped";
  if (wf.vanishedSeen && f.failedPresent && untouched && wf.add === "pending") {
    if (wf.ticket === "filed") {
      return update(
        { close: "requested", outcome: "disk_back" },
        `disk ${diskName(wf)} is back; closing ${ticketName(wf)}`,
      );
    }
    return closeWith(
      f.now,
      "cancelled",
      "disk_back",
      `disk ${diskName(wf)} is back; nothing to replace`,
    );
  }

  // What the ticket's people said.
  if (wf.ticket === "filed" && wf.resolution === "missing") {
    return update(
      {
        ticket: "none",
        ticketId: null,
        ticketKey: null,
        ticketUrl: null,
        resolution: null,
        resolutionName: null,
      },
      `ticket ${ticketName(wf)} is gone from the tracker; filing a new one`,
      [{
        kind: "error",
        host: wf.host,
        disk: wf.path,
        error: `ticket ${ticketName(wf)} disappeared; filing a new one`,
      }],
    );
  }
  if (wf.resolution === "wont_do" && wf.add === "pending") {
    const nothing = `${ticketName(wf)} was resolved as "${wf.resolutionName ?? "Won't Do"}": ` +
      `Bynar does nothing more for ${diskName(wf)}` +
      (wf.removal === "done" && wf.osdId !== null
        ? `; osd.${wf.osdId} stays destroyed (id kept) and no disk is added to the cluster.`
        : wf.removal === "done"
        ? "; it stays out of the cluster and no disk is added."
        : "; it was not removed from the cluster.") +
      " To act on it later, reopen the ticket or use bynar client.";
    if (wf.ticket === "filed" && !wf.marks.includes("wont_do")) {
      return { kind: "comment", mark: "wont_do", text: nothing };
    }
    return closeWith(
      f.now,
      "cancelled",
      "wont_do",
      `ticket ${ticketName(wf)} resolved as "${wf.resolutionName ?? "won't do"}": not acted on`,
      [{
        kind: "ticket_wont_do",
        host: wf.host,
        disk: wf.path,
        ticket: ticketName(wf),
        resolution: wf.resolutionName ?? "Won't Do",
      }],
    );
  }
  if (wf.approval === "rejected" && wf.removal === "pending") {
    return once(
      wf,
      "rejected",
      `Removal of ${diskName(wf)} was rejected by ${
        wf.approvedBy ?? "an operator"
      }; Bynar does nothing more for it.`,
      closeWith(
        f.now,
        "cancelled",
        "rejected",
        `removal rejected by ${wf.approvedBy ?? "an operator"}`,
      ),
    );
  }

  // Removal.
  if (wf.removal === "requested") return { kind: "remove" };
  if (wf.removal === "pending") {
    const removal = decideRemoval(wf, f);
    if (removal) return removal;
  }

  // The ticket (after the removal when it could happen at once; earlier otherwise).
  if (wf.ticket !== "filed") return { kind: "file_ticket" };
  if (wf.removal === "done" && !wf.marks.includes("removal_reported")) {
    return {
      kind: "comment",
      mark: "removal_reported",
      text: `Bynar removed ${diskName(wf)} from the cluster` +
        (wf.osdId !== null
          ? `; osd.${wf.osdId} is destroyed with its id kept for the replacement.`
          : "."),
    };
  }

  // The replacement.
  if (wf.add === "requested") return { kind: "add", replacement: replacementOf(wf) };
  if (wf.add === "done") {
    return update({ close: "requested", outcome: "replaced" }, `closing ${ticketName(wf)}`);
  }
  if (wf.resolution !== "resolved") return wait(`waiting for ${ticketName(wf)} to be resolved`);
  return decideReplacement(wf, f);
}

function replacementOf(wf: Workflow): Pick<SlotDisk, "key" | "serial" | "path"> {
  return { key: wf.replacementKey ?? "", serial: wf.replacementSerial, path: wf.path };
}

function decideRemoval(wf: Workflow, f: StepFacts): Action | null {
  const manual = f.approvalMode === "manual" && wf.approval !== "approved";
  if (manual && wf.approval === "not_required") {
    return update({ approval: "pending" }, "manual approval mode: approval required");
  }
  if (!f.gate.allowed) {
    if (wf.ticket !== "filed") return { kind: "file_ticket" };
    return once(
      wf,
      "removal_deferred",
      `Removal of ${
        diskName(wf)
      } is deferred: ${f.gate.reason}. Bynar removes it in the next allowed window.`,
      wait(`removal deferred: ${f.gate.reason}`),
    );
  }
  if (manual) {
    if (wf.ticket !== "filed") return { kind: "file_ticket" };
    if (!wf.marks.includes("awaiting_approval")) {
      return update(
        { marks: [...wf.marks, "awaiting_approval"] },
        `awaiting approval: bynar approve ${wf.serial}`,
        [{ kind: "awaiting_approval", host: wf.host, disk: wf.path, ticket: ticketName(wf) }],
      );
    }
    return once(
      wf,
      "approval_requested",
      `Bynar is ready to remove ${diskName(wf)} and waits for an operator: run ` +
        `"bynar approve ${wf.serial}" on ${wf.host}.`,
      wait(`awaiting approval: run "bynar approve ${wf.serial}"`),
    );
  }
  if (wf.safety?.passId !== f.passId) return { kind: "check_safe" };
  const s = wf.safety;
  switch (s.outcome) {
    case "Skipped":
      return update(
        { removal: "skipped", note: `not a cluster disk: ${s.reason}` },
        `nothing to remove from the cluster: ${s.reason}`,
      );
    case "SkipRepeat":
      return update(
        { removal: "done", osdId: s.osdId ?? wf.osdId, note: `already removed: ${s.reason}` },
        `already removed: ${s.reason}`,
      );
    case "Error":
      if (wf.ticket !== "filed") return { kind: "file_ticket" };
      return wait(`cannot tell whether ${wf.path} is safe to remove: ${s.reason}`);
    case "Success":
      if (s.safe) return { kind: "remove" };
      if (!wf.marks.includes("not_safe")) {
        return update(
          { marks: [...wf.marks, "not_safe"] },
          `not safe to remove: ${s.reason}`,
          [{ kind: "not_safe", host: wf.host, disk: wf.path, reason: s.reason }],
        );
      }
      if (wf.ticket !== "filed") return { kind: "file_ticket" };
      return wait(`not safe to remove yet: ${s.reason}`);
  }
}

function decideReplacement(wf: Workflow, f: StepFacts): Action {
  if (!f.slotChecked) return wait("the slot is checked in the next pass");
  const slot = f.slot;
  const sameSerial = !!slot && (slot.key === wf.diskKey ||
    (!!slot.serial && slot.serial === wf.serial) ||
    (!!slot.wwn && !!wf.wwn && slot.wwn === wf.wwn));
  if (f.failedPresent || sameSerial) {
    return once(
      wf,
      "same_disk",
      `${ticketName(wf)} was resolved, but disk ${wf.serial} is still attached` +
        `${
          slot ? ` (${slot.path})` : ""
        }: that is not a replacement. Bynar does not add it back; ` +
        "replace the disk and file a new ticket, or add it back by hand.",
      closeWith(
        f.now,
        "cancelled",
        "same_disk",
        `ticket resolved but disk ${wf.serial} is still there: not a replacement`,
        [{
          kind: "error",
          host: wf.host,
          disk: wf.path,
          error: `${
            ticketName(wf)
          } resolved but the same disk ${wf.serial} is still attached; not added back`,
        }],
      ),
    );
  }
  if (!slot) {
    return once(
      wf,
      "slot_empty",
      `${
        ticketName(wf)
      } was resolved, but no disk is present at ${wf.path}. Bynar waits for the new disk.`,
      wait(`resolved, but no disk at ${wf.path} yet`),
    );
  }
  if (!smartAcceptable(slot.smart)) {
    const serial = slot.serial ?? slot.key;
    const why = slot.smart.reasons.join("; ") || "no reason given";
    const unverifiable = slot.smart.verdict === "unknown";
    const reason = unverifiable
      ? `its SMART data cannot be read, so Bynar cannot verify it (${why})`
      : `it fails its SMART check (${slot.smart.verdict}: ${why})`;
    const todo = unverifiable
      ? `Fix what blocks the SMART read ("bynar smart ${slot.path}" on ${wf.host} shows it) ` +
        `and Bynar adds it on its next pass, or add it by hand: bynar client add ${slot.path} ` +
        `--identity ${serial}${wf.osdId !== null ? ` --osd-id ${wf.osdId}` : ""}`
      : `Put a healthy disk in ${wf.path}; Bynar checks the slot every pass.`;
    return once(
      wf,
      `smart_bad:${slot.key}`,
      `The new disk at ${slot.path} (serial ${serial}) is not added: ${reason}. ${todo}`,
      wait(`replacement ${slot.key} held: SMART verdict ${slot.smart.verdict}`),
      [{
        kind: "replacement_held",
        host: wf.host,
        disk: wf.path,
        serial,
        reason,
        todo,
        ticket: wf.ticketKey ?? undefined,
      }],
    );
  }
  if (!f.gate.allowed) {
    return once(
      wf,
      "add_deferred",
      `The replacement at ${slot.path} is verified; adding it is deferred: ${f.gate.reason}.`,
      wait(`add deferred: ${f.gate.reason}`),
    );
  }
  return { kind: "add", replacement: { key: slot.key, serial: slot.serial, path: slot.path } };
}

/**
 * The record stored BEFORE an action's side effect starts.
 *
 * @param wf The workflow.
 * @param action The action about to run.
 * @param now Now.
 * @returns The journaled record (unchanged for read-only actions and resumptions).
 */
export function journal(wf: Workflow, action: Action, now: Date): Workflow {
  const at = now.toISOString();
  let next = wf;
  switch (action.kind) {
    case "file_ticket":
      if (wf.ticket === "none") next = { ...wf, ticket: "requested" };
      break;
    case "remove":
      if (wf.removal === "pending") next = { ...wf, removal: "requested", removeRequestedAt: at };
      break;
    case "add":
      if (wf.add === "pending") {
        next = {
          ...wf,
          add: "requested",
          addRequestedAt: at,
          replacementKey: action.replacement.key,
          replacementSerial: action.replacement.serial,
        };
      }
      break;
    default:
      return wf;
  }
  return { ...next, updatedAt: at, step: stepName(next) };
}

function failed(wf: Workflow, message: string, now: Date, retryAt?: number): Applied {
  const errors = wf.errors + 1;
  const at = retryAt ?? now.getTime() + backoff(errors);
  const next = { ...wf, errors, note: message, retryAt: new Date(at).toISOString() };
  return {
    wf: next,
    notify: errors === 1 ? [{ kind: "error", host: wf.host, disk: wf.path, error: message }] : [],
    pause: true,
    event: `failed (${errors}x): ${message}`,
  };
}

function ok(
  wf: Workflow,
  patch: Partial<Workflow>,
  event: string,
  notify: NotifyEvent[] = [],
  pause = false,
): Applied {
  return { wf: { ...wf, errors: 0, retryAt: null, ...patch }, notify, pause, event };
}

/**
 * The record after an action's side effect (or an `update`). Pure.
 *
 * @param wf The journaled workflow.
 * @param action The action that ran.
 * @param result What it returned.
 * @param options Now and pass id.
 * @returns The new record, notifications, and whether to pause.
 */
export function applyResult(
  wf: Workflow,
  action: Action,
  result: ActionResult | null,
  options: { now: Date; passId: string },
): Applied {
  const { now } = options;
  const out = applyInner(wf, action, result, options);
  const next = { ...out.wf, updatedAt: now.toISOString() };
  return { ...out, wf: { ...next, step: stepName(next) } };
}

function applyInner(
  wf: Workflow,
  action: Action,
  result: ActionResult | null,
  options: { now: Date; passId: string },
): Applied {
  const { now, passId } = options;
  if (action.kind === "update") {
    return {
      wf: { ...wf, ...action.patch },
      notify: action.notify,
      pause: false,
      event: action.event,
    };
  }
  if (action.kind === "wait" || result === null) {
    return {
      wf: { ...wf, note: action.kind === "wait" ? action.reason : wf.note },
      notify: [],
      pause: true,
      event: "wait",
    };
  }
  if (result.kind === "error") {
    if (action.kind === "check_safe") {
      return ok(
        wf,
        {
          safety: {
            passId,
            outcome: "Error",
            safe: false,
            reason: result.message,
            osdId: wf.osdId,
          },
          note: result.message,
        },
        `safe-to-remove failed: ${result.message}`,
        wf.safety?.outcome === "Error" ? [] : [{
          kind: "error",
          host: wf.host,
          disk: wf.path,
          error: `cannot tell whether ${wf.path} is safe to remove: ${result.message}`,
        }],
      );
    }
    if (result.refused && (action.kind === "remove" || action.kind === "add")) {
      const reset: Partial<Workflow> = action.kind === "remove"
        ? { removal: "pending", removeOpId: null, removeRequestedAt: null, safety: null }
        : { add: "pending", addOpId: null, addRequestedAt: null };
      return failed({ ...wf, ...reset }, result.message, now, result.retryAt);
    }
    return failed(wf, result.message, now, result.retryAt);
  }
  switch (action.kind) {
    case "check_safe": {
      if (result.kind !== "safety") break;
      const a = result.answer;
      return ok(wf, {
        safety: { ...a, passId },
        osdId: a.osdId ?? wf.osdId,
        note: a.reason,
      }, `safe-to-remove: ${a.outcome} ${a.safe ? "safe" : "not safe"} (${a.reason})`);
    }
    case "file_ticket": {
      if (result.kind !== "ticket") break;
      const marks = wf.removal === "done" ? [...wf.marks, "removal_reported"] : wf.marks;
      const patch: Partial<Workflow> = {
        ticket: "filed",
        ticketId: result.ref.id,
        ticketKey: result.ref.key,
        ticketUrl: result.ref.url ?? null,
        resolution: "open",
        marks,
        note: `ticket ${result.ref.key} ${result.created ? "filed" : "found open by its label"}`,
      };
      const notify: NotifyEvent[] = result.created
        ? [{
          kind: "ticket_filed",
          host: wf.host,
          disk: wf.path,
          ticket: result.ref.key,
          url: result.ref.url,
        }]
        : [];
      return ok(wf, patch, patch.note!, notify);
    }
    case "comment":
      if (result.kind !== "commented") break;
      return ok(
        wf,
        { marks: [...wf.marks, action.mark] },
        `commented (${action.mark})`,
        action.notify ?? [],
      );
    case "close_ticket": {
      if (result.kind !== "closed") break;
      const status = wf.outcome === "replaced" ? "done" : "cancelled";
      return ok(
        wf,
        { close: "done", status, closedAt: now.toISOString(), note: `closed: ${wf.outcome}` },
        `ticket closed (${wf.outcome})`,
        [{
          kind: "ticket_closed",
          host: wf.host,
          disk: wf.path,
          ticket: ticketName(wf),
        }],
      );
    }
    case "remove":
      return applyOp(wf, "remove", result, now);
    case "add":
      return applyOp(wf, "add", result, now);
  }
  throw new TypeError(`Cannot apply a "${result.kind}" result to a "${action.kind}" action`);
}

function applyOp(wf: Workflow, kind: "remove" | "add", result: ActionResult, now: Date): Applied {
  const opKey = kind === "remove" ? "removeOpId" : "addOpId";
  const doneRemove = (osdId: number | null, message: string, skipped: boolean): Applied =>
    ok(
      wf,
      {
        removal: skipped ? "skipped" : "done",
        osdId: osdId ?? wf.osdId,
        note: message,
      },
      `removed: ${message}`,
      skipped ? [] : [{ kind: "removed", host: wf.host, disk: wf.path, osdId: osdId ?? wf.osdId }],
    );
  const doneAdd = (osdId: number | null, message: string): Applied =>
    ok(wf, { add: "done", osdId: osdId ?? wf.osdId, note: message }, `added: ${message}`, [{
      kind: "replaced",
      host: wf.host,
      disk: wf.path,
      newSerial: wf.replacementSerial ?? wf.replacementKey ?? "unknown",
      ticket: wf.ticketKey ?? undefined,
    }]);
  if (result.kind === "op_started") {
    const s = result.start;
    if (s.kind === "started") {
      const notify: NotifyEvent[] = kind === "remove"
        ? [{ kind: "removing", host: wf.host, disk: wf.path, osdId: wf.osdId }]
        : [];
      return ok(
        wf,
        { [opKey]: s.opId, note: `${kind} running (operation ${s.opId})` },
        `${kind} started: operation ${s.opId}`,
        notify,
      );
    }
    if (kind === "remove") return doneRemove(s.osdId, s.message, s.outcome === "Skipped");
    if (s.outcome === "Skipped") {
      return failed(wf, `the disk-manager skipped the add of ${wf.path}: ${s.message}`, now);
    }
    return doneAdd(s.osdId, s.message);
  }
  if (result.kind !== "op_state") {
    throw new TypeError(`Cannot apply a "${result.kind}" result to ${kind}`);
  }
  const st = result.state;
  switch (st.state) {
    case "PENDING":
    case "RUNNING":
      return {
        wf: { ...wf, note: `${kind} running: ${st.message}` },
        notify: [],
        pause: true,
        event: `${kind} running`,
      };
    case "SUCCEEDED":
      if (kind === "remove") return doneRemove(st.osdId, st.message, st.outcome === "Skipped");
      return doneAdd(st.osdId, st.message);
    case "FAILED":
    case "MISSING": {
      const reset: Partial<Workflow> = kind === "remove"
        ? { removal: "pending", removeOpId: null, removeRequestedAt: null, safety: null }
        : { add: "pending", addOpId: null, addRequestedAt: null };
      const message = st.state === "MISSING"
        ? `the disk-manager lost ${kind} operation ${wf[opKey]}; it is asked again`
        : `${kind} of ${wf.path} failed: ${st.message}`;
      return failed({ ...wf, ...reset }, message, now);
    }
  }
}
