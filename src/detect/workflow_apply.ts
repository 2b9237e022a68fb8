/**
 * {@linkcode journal} (what is stored BEFORE a side effect starts) and
 * {@linkcode applyResult} (what is stored after it). Pure.
 *
 * @module
 */
import type { NotifyEvent } from "../notify/types.ts";
import type { Workflow } from "./types.ts";
import {
  type Action,
  type ActionResult,
  type Applied,
  backoff,
  stepName,
  ticketName,
} from "./workflow_model.ts";

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
