/**
 * The closed loop for a server part, as pure decisions: a part the policy says to replace
 * gets one workflow (one ticket per part serial), which files a vendor-ready ticket,
 * requests host maintenance first when the part needs the host down (DIMM, CPU, board),
 * waits for the technician, verifies the replacement through the BMC (a new serial in the
 * same slot with Health OK), releases the host maintenance, and closes the ticket.
 *
 * Everything here is data in, data out; the runner (`loop.ts`) performs the side effects
 * and journals each step before it happens.
 *
 * @module
 */
import type { TicketState } from "../tickets/types.ts";
import type { BmcLogEntry, PartAssessment, PartEvidence, PartKind } from "./model.ts";

/** Where a part workflow is. */
export type PartStep =
  /** File (or find by label) the ticket. */
  | "file_ticket"
  /** Host-down parts: ask the storage backend to let the host go down. */
  | "host_down"
  /** Wait for the technician; verify the slot through the BMC every pass. */
  | "await_replacement"
  /** Host-down parts: give the host back to the backend (OSDs up, noout lifted). */
  | "host_up"
  /** Comment and close the ticket. */
  | "close_ticket"
  /** Finished (see `outcome`). */
  | "done";

/** How a workflow ended. */
export type PartOutcome = "replaced" | "wont_do";

/** One part workflow (stored; every field plain data). */
export interface PartWorkflow {
  /** Row id (0 before it is stored). */
  id: number;
  /** Host name. */
  host: string;
  /** The slot (stable across replacements). */
  slot: string;
  /** Part kind. */
  kind: PartKind;
  /** Human name. */
  name: string;
  /** The failed part's serial, when the BMC reports one. */
  serial: string | null;
  /** Manufacturer. */
  manufacturer: string | null;
  /** Model. */
  model: string | null;
  /** Part number. */
  partNumber: string | null;
  /** Spare (FRU) part number. */
  sparePartNumber: string | null;
  /** Location (service label, socket/slot). */
  location: string | null;
  /** The BMC resource. */
  uri: string;
  /** The BMC endpoint. */
  endpoint: string;
  /** Status as reported when the failure was found. */
  status: { state: string | null; health: string | null; healthRollup: string | null };
  /** Why it must be replaced. */
  reasons: string[];
  /** Measured evidence. */
  evidence: PartEvidence;
  /** Newest BMC log entries at detection. */
  events: BmcLogEntry[];
  /** Its replacement needs the host down. */
  needsHostDown: boolean;
  /** Active or finished. */
  active: boolean;
  /** Next step. */
  step: PartStep;
  /** How it ended. */
  outcome: PartOutcome | null;
  /** Ticket: `requested` is journaled before create (create searches by label first). */
  ticket: "none" | "requested" | "filed";
  /** Ticket id. */
  ticketId: string | null;
  /** Ticket key. */
  ticketKey: string | null;
  /** Ticket URL. */
  ticketUrl: string | null;
  /** Last known ticket state. */
  ticketState: TicketState | null;
  /** Resolution name, when resolved. */
  resolutionName: string | null;
  /** Host maintenance: `requested` is journaled before the backend is asked. */
  maintenance: "none" | "requested" | "entered" | "released";
  /** What the backend said last. */
  maintenanceNote: string | null;
  /** The replacement's serial, once verified. */
  replacementSerial: string | null;
  /** Closing: `requested` is journaled before the comment and close. */
  close: "pending" | "requested" | "done";
  /** One-time notices already sent (so a waiting step does not repeat them every pass). */
  notices: string[];
  /** Created (ISO). */
  createdAt: string;
  /** Updated (ISO). */
  updatedAt: string;
  /** Finished (ISO). */
  closedAt: string | null;
}

/**
 * Starts a workflow for a part the policy says to replace.
 *
 * @param a The part's assessment (`replace` true).
 * @param context Host, BMC endpoint, recent BMC log entries, now, and the serial last seen
 *   in the slot (for a missing part).
 * @returns The workflow (id 0, not stored yet).
 */
export function newPartWorkflow(
  a: PartAssessment,
  context: {
    host: string;
    endpoint: string;
    events: BmcLogEntry[];
    now: Date;
    knownSerial?: string | null;
  },
): PartWorkflow {
  const p = a.part;
  const at = context.now.toISOString();
  return {
    id: 0,
    host: context.host,
    slot: p.slot,
    kind: p.kind,
    name: p.name,
    // A missing part (slot now Absent) is known by the serial seen there before.
    serial: p.serialNumber ?? context.knownSerial ?? null,
    manufacturer: p.manufacturer,
    model: p.model,
    partNumber: p.partNumber,
    sparePartNumber: p.sparePartNumber,
    location: p.location,
    uri: p.uri,
    endpoint: context.endpoint,
    status: { state: p.state, health: p.health, healthRollup: p.healthRollup },
    reasons: [...a.reasons],
    evidence: structuredClone(p.evidence),
    events: context.events.slice(0, 10),
    needsHostDown: a.needsHostDown,
    active: true,
    step: "file_ticket",
    outcome: null,
    ticket: "none",
    ticketId: null,
    ticketKey: null,
    ticketUrl: null,
    ticketState: null,
    resolutionName: null,
    maintenance: "none",
    maintenanceNote: null,
    replacementSerial: null,
    close: "pending",
    notices: [],
    createdAt: at,
    updatedAt: at,
    closedAt: null,
  };
}

/**
 * Whether a part the policy says to replace needs a new workflow: one ticket per part
 * serial, so a part that already has a workflow (active, replaced, or won't-do) never gets
 * a second one. A part without a serial is known by its slot: it gets a new workflow only
 * after the last one for the slot ended with a verified replacement.
 *
 * @param a The assessment.
 * @param existing Workflows of the same slot, newest first.
 * @returns True when a workflow should start.
 */
export function needsPartWorkflow(a: PartAssessment, existing: readonly PartWorkflow[]): boolean {
  if (!a.replace) return false;
  if (existing.some((w) => w.active)) return false;
  const serial = a.part.serialNumber;
  if (serial) return !existing.some((w) => w.serial === serial);
  const last = existing[0];
  return !last || last.outcome === "replaced";
}

/** What the BMC shows in a workflow's slot now. */
export type SlotVerdict =
  /** A different part (new serial), present and healthy: replaced. */
  | { kind: "replaced"; serial: string | null; note: string }
  /** Nothing usable yet; why. */
  | { kind: "not_yet"; why: string };

/**
 * Judges the slot against the failed part: the replacement is verified when the slot holds
 * a part with a new serial, State Enabled, and an ok verdict. When the BMC reports no
 * serial for this slot (common for fans), a healthy part is accepted and the closing
 * comment says the swap was judged by health alone.
 *
 * @param wf The workflow.
 * @param current The part in the slot now (null when the BMC lists none), with its assessment.
 * @returns The verdict.
 */
export function judgeSlot(wf: PartWorkflow, current: PartAssessment | null): SlotVerdict {
  const p = current?.part;
  if (!p || p.state === "Absent") return { kind: "not_yet", why: "the slot is empty" };
  if (p.state !== "Enabled") {
    return { kind: "not_yet", why: `the part in the slot is ${p.state ?? "in an unknown state"}` };
  }
  if (current!.verdict !== "ok") {
    const which = wf.serial && p.serialNumber === wf.serial ? "the failed part" : "the part";
    return {
      kind: "not_yet",
      why: `${which} in the slot is still ${current!.verdict}: ${current!.reasons.join("; ")}`,
    };
  }
  if (wf.serial) {
    if (!p.serialNumber) {
      return { kind: "not_yet", why: "the BMC reports no serial for the part in the slot" };
    }
    if (p.serialNumber === wf.serial) {
      return {
        kind: "not_yet",
        why: `the slot still holds the same part (serial ${wf.serial}), now reporting OK`,
      };
    }
    return {
      kind: "replaced",
      serial: p.serialNumber,
      note: `new serial ${p.serialNumber} (was ${wf.serial}), Health ${p.health ?? "OK"}`,
    };
  }
  return {
    kind: "replaced",
    serial: p.serialNumber,
    note: `Health ${p.health ?? "OK"}; the BMC reports no serial for this slot, so the swap ` +
      `was judged by health alone`,
  };
}

/** Facts a pass gathers for one workflow. */
export interface PartFacts {
  /** Now. */
  now: Date;
  /** Destructive actions (host maintenance) allowed now: maintenance windows and freeze. */
  gate: { allowed: boolean; reason: string };
  /** The part in the slot now with its assessment; undefined when the BMC was unreadable. */
  current: PartAssessment | null | undefined;
  /** The ticket's state, when polled this pass. */
  ticket: { state: TicketState; resolution: string | null } | null;
}

/** The next thing the runner does for a workflow. */
export type PartAction =
  | { kind: "file_ticket" }
  | { kind: "enter_maintenance" }
  | { kind: "exit_maintenance"; because: "replaced" | "wont_do" }
  | { kind: "replaced"; serial: string | null; note: string }
  | { kind: "close_ticket" }
  | { kind: "finish"; outcome: PartOutcome }
  | { kind: "wait"; why: string; notice?: string };

/**
 * Decides the next action of a workflow.
 *
 * @param wf The workflow.
 * @param facts What the pass knows.
 * @returns The action.
 */
export function nextPartAction(wf: PartWorkflow, facts: PartFacts): PartAction {
  switch (wf.step) {
    case "file_ticket":
      return { kind: "file_ticket" };
    case "host_down":
      if (facts.ticket?.state === "wont_do") return { kind: "finish", outcome: "wont_do" };
      if (!facts.gate.allowed) {
        return {
          kind: "wait",
          why: `host maintenance deferred: ${facts.gate.reason}`,
          notice: `gate:${facts.gate.reason}`,
        };
      }
      return { kind: "enter_maintenance" };
    case "await_replacement": {
      if (facts.ticket?.state === "wont_do") {
        return wf.maintenance === "entered" || wf.maintenance === "requested"
          ? { kind: "exit_maintenance", because: "wont_do" }
          : { kind: "finish", outcome: "wont_do" };
      }
      if (facts.current === undefined) return { kind: "wait", why: "the BMC could not be read" };
      const v = judgeSlot(wf, facts.current);
      if (v.kind === "replaced") return { kind: "replaced", serial: v.serial, note: v.note };
      const resolved = facts.ticket?.state === "resolved";
      return {
        kind: "wait",
        why: `waiting for the replacement: ${v.why}`,
        ...(resolved ? { notice: `resolved_not_replaced:${v.why}` } : {}),
      };
    }
    case "host_up":
      return {
        kind: "exit_maintenance",
        because: wf.outcome === "wont_do" ? "wont_do" : "replaced",
      };
    case "close_ticket":
      return { kind: "close_ticket" };
    case "done":
      return { kind: "wait", why: "finished" };
  }
}

/**
 * The label the ticket is found by: the part serial, else its slot.
 *
 * @param wf The workflow.
 * @returns The ticket "serial" (sanitised into the label by the ticket plugins).
 */
export function partTicketKey(wf: Pick<PartWorkflow, "serial" | "slot">): string {
  return wf.serial ? `part-${wf.serial}` : `slot-${wf.slot}`;
}
