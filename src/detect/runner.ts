/**
 * Runs one workflow as far as it can go this pass: decide → journal → side effect →
 * store the result, until the workflow waits. Every side effect goes through a port.
 *
 * @module
 */
import { errorMessage } from "../errors.ts";
import { type Clock, nowDate } from "../shared/clock.ts";
import type { Notifier } from "../notify/types.ts";
import { TicketError } from "../tickets/errors.ts";
import type { TicketDisk, TicketPlugin, TicketRef } from "../tickets/types.ts";
import type { DetectStore, DiskManagerPort, ManagedDisk, StepFacts, Workflow } from "./types.ts";
import { type Action, type ActionResult, applyResult, decide, journal } from "./workflow.ts";

/** The ports a workflow needs. */
export interface RunnerDeps {
  /** Workflow persistence. */
  store: DetectStore;
  /** The local disk-manager. */
  manager: DiskManagerPort;
  /** The ticket tracker. */
  tickets: TicketPlugin;
  /** Slack (never blocks). */
  notifier: Notifier;
  /** Clock. */
  clock: Clock;
  /** Log sink. */
  log: (line: string) => void;
  /** True once SIGTERM arrived: finish the current step, then park. */
  stopping?: () => boolean;
  /**
   * How long one pass waits for a started removal/add before parking it until the next
   * pass (it keeps running in the disk-manager), ms.
   * @default 0
   */
  opWaitMs?: number;
  /**
   * Poll interval of that wait, ms.
   * @default 2000
   */
  opPollMs?: number;
}

/** Most actions one workflow runs in one pass (a guard against a decision loop). */
export const MAX_ACTIONS_PER_PASS = 30;

/**
 * The ticket's view of a workflow: identity, reasons and the actions already taken.
 *
 * @param wf The workflow.
 * @returns The ticket disk.
 */
export function ticketDisk(wf: Workflow): TicketDisk {
  const actions: string[] = [];
  if (wf.removal === "done") {
    actions.push(
      wf.osdId !== null
        ? `osd.${wf.osdId} removed from the cluster (destroyed, id kept for the replacement)`
        : "removed from the cluster",
    );
  } else if (wf.removal === "skipped") {
    actions.push(`not a cluster disk, nothing removed (${wf.safety?.reason ?? "not an OSD"})`);
  } else if (wf.approval === "pending") {
    actions.push(`removal prepared; waiting for an operator: bynar approve ${wf.serial}`);
  } else if (wf.safety && !wf.safety.safe) {
    actions.push(`not removed yet: ${wf.safety.reason}`);
  } else {
    actions.push(`not removed yet: ${wf.note}`);
  }
  const removal = wf.removal === "done"
    ? "removed"
    : wf.removal === "skipped"
    ? "not_in_cluster"
    : wf.approval === "pending"
    ? "awaiting_approval"
    : "not_removed";
  return {
    host: wf.host,
    serial: wf.serial,
    path: wf.path,
    model: wf.model,
    wwn: wf.wwn,
    reasons: wf.reasons,
    actions,
    osdId: wf.osdId,
    removal,
    ...(removal === "not_removed"
      ? { notRemovedReason: wf.safety && !wf.safety.safe ? wf.safety.reason : wf.note }
      : {}),
  };
}

function ticketRef(wf: Workflow): TicketRef {
  if (!wf.ticketId || !wf.ticketKey) {
    throw new TypeError(`Cannot use the ticket of workflow ${wf.id}: none is filed`);
  }
  return { id: wf.ticketId, key: wf.ticketKey, ...(wf.ticketUrl ? { url: wf.ticketUrl } : {}) };
}

function toError(err: unknown): ActionResult {
  const retryAt = err instanceof TicketError ? err.retryAt : undefined;
  const status = (err as { status?: unknown } | null)?.status;
  const refused = typeof status === "number" && status >= 400 && status < 500 && status !== 408 &&
    status !== 429 && !(err instanceof TicketError);
  return { kind: "error", message: errorMessage(err), retryAt, refused };
}

async function runOp(
  kind: "Remove" | "Add",
  before: Workflow,
  wf: Workflow,
  disk: ManagedDisk,
  deps: RunnerDeps,
): Promise<ActionResult> {
  const m = deps.manager;
  const opId = kind === "Remove" ? wf.removeOpId : wf.addOpId;
  if (opId) return { kind: "op_state", state: await m.operation(opId) };
  const resumed = kind === "Remove" ? before.removal === "requested" : before.add === "requested";
  const since = (kind === "Remove" ? wf.removeRequestedAt : wf.addRequestedAt) ?? wf.createdAt;
  if (resumed) {
    // Crashed between journaling and storing the operation id: adopt, never repeat.
    const found = await m.findOperation(kind, { path: disk.path, since });
    if (found) return { kind: "op_started", start: { kind: "started", opId: found } };
  }
  const start = kind === "Remove" ? await m.remove(disk) : await m.add(disk);
  return { kind: "op_started", start };
}

async function execute(
  before: Workflow,
  wf: Workflow,
  action: Action,
  deps: RunnerDeps,
): Promise<ActionResult | null> {
  try {
    switch (action.kind) {
      case "wait":
      case "update":
        return null;
      case "check_safe": {
        const answer = await deps.manager.safeToRemove({
          path: wf.path,
          identity: wf.diskKey,
          osdId: wf.osdId,
        });
        return { kind: "safety", answer };
      }
      case "file_ticket": {
        const r = await deps.tickets.create(ticketDisk(wf));
        return { kind: "ticket", ref: r.ref, created: r.created };
      }
      case "comment":
        await deps.tickets.comment(ticketRef(wf), action.text);
        return { kind: "commented" };
      case "close_ticket":
        await deps.tickets.close(ticketRef(wf), action.text);
        return { kind: "closed" };
      case "remove":
        return await runOp("Remove", before, wf, {
          path: wf.path,
          identity: wf.diskKey,
          osdId: wf.osdId,
        }, deps);
      case "add":
        return await runOp("Add", before, wf, {
          path: action.replacement.path,
          identity: action.replacement.key,
          osdId: wf.osdId,
        }, deps);
    }
  } catch (err) {
    return toError(err);
  }
}

function isOpAction(a: Action): boolean {
  return a.kind === "remove" || a.kind === "add";
}

/**
 * Advances one workflow until it waits, fails, or SIGTERM asks to stop.
 *
 * @param start The stored workflow.
 * @param facts This pass's facts.
 * @param deps Ports.
 * @returns The workflow as stored at the end.
 */
export async function advanceWorkflow(
  start: Workflow,
  facts: StepFacts,
  deps: RunnerDeps,
): Promise<Workflow> {
  let wf = start;
  const opWaitMs = deps.opWaitMs ?? 0;
  const opPollMs = deps.opPollMs ?? 2000;
  let waitedMs = 0;
  for (let i = 0; i < MAX_ACTIONS_PER_PASS; i++) {
    if (deps.stopping?.()) {
      deps.log(`workflow ${wf.id} (${wf.path}) parked at ${wf.step}: stopping`);
      return wf;
    }
    const now = nowDate(deps.clock);
    const f = { ...facts, now };
    const action = decide(wf, f);
    if (action.kind === "wait") {
      if (wf.note !== action.reason) {
        wf = { ...wf, note: action.reason, updatedAt: now.toISOString() };
        deps.store.save(wf, `waiting: ${action.reason}`);
      }
      return wf;
    }
    const before = wf;
    const journaled = journal(wf, action, now);
    if (journaled !== wf) {
      deps.store.save(journaled, `about to ${action.kind}`);
      wf = journaled;
    }
    const result = await execute(before, wf, action, deps);
    const applied = applyResult(wf, action, result, {
      now: nowDate(deps.clock),
      passId: facts.passId,
    });
    wf = applied.wf;
    deps.store.save(wf, applied.event);
    deps.log(`workflow ${wf.id} ${wf.serial} at ${wf.path}: ${applied.event}`);
    for (const ev of applied.notify) deps.notifier.notify(ev);
    if (applied.pause) {
      const running = isOpAction(action) && result?.kind !== "error" && wf.errors === 0;
      if (running && waitedMs < opWaitMs && !deps.stopping?.()) {
        await deps.clock.sleep(opPollMs);
        waitedMs += opPollMs;
        continue;
      }
      return wf;
    }
    if (isOpAction(action) && result?.kind === "op_started" && result.start.kind === "started") {
      // Just started: poll it (within opWaitMs) on the next round.
      if (opWaitMs === 0) return wf;
    }
  }
  deps.log(`workflow ${wf.id} (${wf.path}): too many steps in one pass; continuing next pass`);
  return wf;
}
