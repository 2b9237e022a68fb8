/**
 * One detector pass over the host's parts: read the BMC, open a workflow for each part
 * the policy says to replace (one per part serial), poll the tickets once, and advance
 * every active workflow through the pure decisions of `workflow.ts`, saving each step
 * before its side effect (a restart resumes; a ticket create searches by label first, so
 * it is never filed twice).
 *
 * @module
 */
import { errorMessage } from "../errors.ts";
import type { Notifier } from "../notify/types.ts";
import type { TicketPlugin, TicketRef, TicketState } from "../tickets/types.ts";
import type { PartAssessment } from "./model.ts";
import type { KnownSlot } from "./policy.ts";
import type { HardwareCheck } from "./read.ts";
import { partTicket } from "./ticket_text.ts";
import {
  needsPartWorkflow,
  newPartWorkflow,
  nextPartAction,
  type PartAction,
  type PartWorkflow,
} from "./workflow.ts";

/** What a storage backend must do so a host may be powered down for a part swap. */
export interface HostMaintenance {
  /** Backend name (for messages). */
  readonly name: string;
  /**
   * Prepares the host to go down (Ceph: `ok-to-stop` for all its OSDs, then `noout` for
   * this host only). Idempotent.
   *
   * @returns Whether the host may go down now, and why (not).
   */
  enter(host: string): Promise<{ entered: boolean; reason: string }>;
  /**
   * Gives the host back (Ceph: once all its OSDs are up again, lift the host's `noout`).
   * Idempotent.
   *
   * @returns Whether it is released, and why (not yet).
   */
  exit(host: string): Promise<{ released: boolean; reason: string }>;
}

/** Where part workflows are kept. */
export interface PartWorkflowStore {
  /** Active workflows. */
  listActive(): PartWorkflow[];
  /** Workflows of a slot, newest first. */
  bySlot(slot: string): PartWorkflow[];
  /** Stores a new workflow. */
  create(wf: PartWorkflow): PartWorkflow;
  /** Saves a change with a journal note. */
  save(wf: PartWorkflow, note: string): void;
  /** Slots where a part was seen present in earlier passes. */
  knownSlots?(): KnownSlot[];
  /** Records the parts present in a complete walk. */
  recordSeen?(parts: { slot: string; serialNumber: string | null }[], now: Date): void;
}

/** What a hardware pass needs. */
export interface HardwarePassDeps {
  /** Host name (tickets, messages, the backend's host). */
  host: string;
  /** Reads and judges the BMC against the slots known from earlier passes (never throws). */
  read(known: KnownSlot[]): Promise<HardwareCheck>;
  /** Workflows. */
  store: PartWorkflowStore;
  /** Tickets. */
  tickets: TicketPlugin;
  /** Slack. */
  notifier: Notifier;
  /** The backend's host maintenance, or null when there is none (host-down parts wait). */
  maintenance: HostMaintenance | null;
  /** Maintenance windows and the freeze file. */
  gate(): Promise<{ allowed: boolean; reason: string }>;
  /** The clock. */
  now(): Date;
  /** Log sink. */
  log(line: string): void;
}

/** What a pass did. */
export interface HardwarePassSummary {
  /** The BMC could be read. */
  bmcRead: boolean;
  /** Workflows opened. */
  opened: number;
  /** Workflows after the pass. */
  workflows: PartWorkflow[];
  /** Problems of the pass (BMC unreadable, ticket status unreadable). */
  problems: string[];
}

/** Most actions one workflow takes in one pass. */
const MAX_STEPS = 8;

function label(wf: PartWorkflow): string {
  const serial = wf.serial ? `serial ${wf.serial}` : "no serial";
  return `${wf.kind.replace(/_/g, " ")} ${wf.name} at ${wf.location ?? wf.slot} (${serial})`;
}

function refOf(wf: PartWorkflow): TicketRef | null {
  return wf.ticketId && wf.ticketKey
    ? { id: wf.ticketId, key: wf.ticketKey, ...(wf.ticketUrl ? { url: wf.ticketUrl } : {}) }
    : null;
}

/**
 * Runs one hardware pass.
 *
 * @param deps The ports.
 * @returns What happened.
 */
export async function runHardwarePass(deps: HardwarePassDeps): Promise<HardwarePassSummary> {
  const problems: string[] = [];
  const known = deps.store.knownSlots?.() ?? [];
  const hw = await deps.read(known);
  problems.push(...hw.problems);
  const now = deps.now();
  for (const m of hw.assessment?.missing ?? []) {
    problems.push(
      `${m.slot} (serial ${
        m.serialNumber ?? "unknown"
      }) is gone from the BMC's inventory since ${m.lastSeen}`,
    );
  }
  const bySlot = new Map<string, PartAssessment>();
  for (const a of hw.assessment?.parts ?? []) bySlot.set(a.part.slot, a);

  let opened = 0;
  for (const a of hw.assessment?.parts ?? []) {
    if (!needsPartWorkflow(a, deps.store.bySlot(a.part.slot))) continue;
    const wf = deps.store.create(
      newPartWorkflow(a, {
        host: deps.host,
        endpoint: hw.endpoint,
        events: hw.inventory?.events ?? [],
        now,
        knownSerial: known.find((k) => k.slot === a.part.slot)?.serialNumber ?? null,
      }),
    );
    opened++;
    deps.log(`part workflow ${wf.id} opened for ${label(wf)}: ${wf.reasons.join("; ")}`);
  }

  if (hw.assessment && !hw.problems.length) {
    deps.store.recordSeen?.(
      hw.assessment.parts.filter((a) => a.part.state !== "Absent")
        .map((a) => ({ slot: a.part.slot, serialNumber: a.part.serialNumber })),
      now,
    );
  }

  // One batched status call for every filed ticket.
  const active = deps.store.listActive();
  const ticketStates = new Map<number, { state: TicketState; resolution: string | null }>();
  const refs = active.map(refOf).filter((r): r is TicketRef => r !== null);
  if (refs.length) {
    try {
      const statuses = await deps.tickets.status(refs);
      for (const wf of active) {
        const s = wf.ticketId ? statuses.get(wf.ticketId) : undefined;
        if (s) ticketStates.set(wf.id, { state: s.state, resolution: s.resolution });
      }
    } catch (err) {
      problems.push(`Cannot read the part ticket statuses: ${errorMessage(err)}`);
    }
  }

  const gate = await deps.gate();
  for (const start of active) {
    let wf = start;
    try {
      const ticket = ticketStates.get(wf.id) ?? null;
      if (ticket && (ticket.state !== wf.ticketState || ticket.resolution !== wf.resolutionName)) {
        wf = {
          ...wf,
          ticketState: ticket.state,
          resolutionName: ticket.resolution,
          updatedAt: now.toISOString(),
        };
        deps.store.save(
          wf,
          `ticket ${wf.ticketKey} is ${ticket.state}${
            ticket.resolution ? ` (${ticket.resolution})` : ""
          }`,
        );
      }
      for (let i = 0; i < MAX_STEPS && wf.active; i++) {
        const current = hw.assessment ? (bySlot.get(wf.slot) ?? null) : undefined;
        const action = nextPartAction(wf, { now, gate, current, ticket });
        const next = await perform(deps, wf, action, now);
        if (!next) break;
        wf = next;
      }
    } catch (err) {
      problems.push(`Part workflow ${wf.id} (${label(wf)}): ${errorMessage(err)}`);
      deps.log(problems.at(-1)!);
    }
  }
  return { bmcRead: hw.assessment !== null, opened, workflows: deps.store.listActive(), problems };
}

function saved(
  deps: HardwarePassDeps,
  wf: PartWorkflow,
  changes: Partial<PartWorkflow>,
  note: string,
  now: Date,
): PartWorkflow {
  const next = { ...wf, ...changes, updatedAt: now.toISOString() };
  deps.store.save(next, note);
  deps.log(`part workflow ${wf.id}: ${note}`);
  return next;
}

/** Performs one action; returns the saved workflow, or null to stop for this pass. */
async function perform(
  deps: HardwarePassDeps,
  wf: PartWorkflow,
  action: PartAction,
  now: Date,
): Promise<PartWorkflow | null> {
  const host = deps.host;
  switch (action.kind) {
    case "file_ticket": {
      const requested = saved(deps, wf, { ticket: "requested" }, "filing the ticket", now);
      const created = await deps.tickets.create(partTicket(requested));
      const filed = saved(
        deps,
        requested,
        {
          ticket: "filed",
          ticketId: created.ref.id,
          ticketKey: created.ref.key,
          ticketUrl: created.ref.url ?? null,
          ticketState: "open",
          step: wf.needsHostDown ? "host_down" : "await_replacement",
        },
        `ticket ${created.ref.key} ${created.created ? "filed" : "found open by its label"}`,
        now,
      );
      deps.notifier.notify({
        kind: "hardware",
        host,
        text:
          `Filed ticket ${created.ref.key} for the failed ${label(wf)}: ${wf.reasons.join("; ")}` +
          (wf.needsHostDown
            ? "; the host must go down for it, asking the storage cluster first"
            : ""),
      });
      return filed;
    }
    case "enter_maintenance": {
      if (!deps.maintenance) {
        return notice(
          deps,
          wf,
          "no_backend",
          "no storage backend can take the host down; replace the part by hand and resolve the ticket",
          now,
        );
      }
      const requested = saved(
        deps,
        wf,
        { maintenance: "requested" },
        `asking ${deps.maintenance.name} for host maintenance`,
        now,
      );
      const r = await deps.maintenance.enter(host);
      if (!r.entered) {
        const back = saved(
          deps,
          requested,
          { maintenance: "none", maintenanceNote: r.reason },
          `host maintenance refused: ${r.reason}`,
          now,
        );
        return notice(
          deps,
          back,
          `refused:${r.reason}`,
          `The host cannot go down yet for the ${label(wf)}: ${r.reason}`,
          now,
        );
      }
      const entered = saved(
        deps,
        requested,
        {
          maintenance: "entered",
          maintenanceNote: r.reason,
          step: "await_replacement",
        },
        `host maintenance entered: ${r.reason}`,
        now,
      );
      const ref = refOf(entered);
      const text = `${host} may now be powered down to replace the ${label(wf)}: ${r.reason}. ` +
        `Power it up again after the swap; Bynar verifies the part and gives the host back.`;
      if (ref) await deps.tickets.comment(ref, text);
      deps.notifier.notify({ kind: "hardware", host, text });
      return entered;
    }
    case "exit_maintenance": {
      if (!deps.maintenance) {
        return saved(
          deps,
          wf,
          { maintenance: "released", step: action.because === "wont_do" ? "done" : "close_ticket" },
          "no backend to release",
          now,
        );
      }
      const r = await deps.maintenance.exit(host);
      if (!r.released) {
        const held = wf.step === "host_up" ? wf : saved(
          deps,
          wf,
          {
            step: "host_up",
            ...(action.because === "wont_do" ? { outcome: "wont_do" as const } : {}),
          },
          "giving the host back",
          now,
        );
        return notice(
          deps,
          held,
          `held:${r.reason}`,
          `Host maintenance of ${host} is still held: ${r.reason}`,
          now,
        );
      }
      const released = saved(
        deps,
        wf,
        { maintenance: "released", maintenanceNote: r.reason },
        `host maintenance released: ${r.reason}`,
        now,
      );
      const ref = refOf(released);
      if (ref) {
        await deps.tickets.comment(ref, `${host} is back in the storage cluster: ${r.reason}.`);
      }
      if (action.because === "wont_do" || wf.outcome === "wont_do") {
        return finish(deps, released, "wont_do", now);
      }
      return saved(deps, released, { step: "close_ticket" }, "host given back", now);
    }
    case "replaced": {
      const back = wf.maintenance === "entered" || wf.maintenance === "requested";
      const next = saved(
        deps,
        wf,
        {
          replacementSerial: action.serial,
          step: back ? "host_up" : "close_ticket",
        },
        `replacement verified through the BMC: ${action.note}`,
        now,
      );
      const ref = refOf(next);
      if (ref) {
        await deps.tickets.comment(
          ref,
          `Replacement verified through the BMC (${wf.endpoint}): ${
            wf.location ?? wf.slot
          } holds a part with ${action.note}.`,
        );
      }
      deps.notifier.notify({
        kind: "hardware",
        host,
        text: `Replacement of the ${label(wf)} verified: ${action.note}`,
      });
      return next;
    }
    case "close_ticket": {
      const ref = refOf(wf);
      const requested = saved(deps, wf, { close: "requested" }, "closing the ticket", now);
      if (ref) {
        await deps.tickets.close(
          ref,
          `Bynar verified the replacement of the ${label(wf)}` +
            (wf.replacementSerial ? ` (new serial ${wf.replacementSerial})` : "") +
            ` and closes this ticket.`,
        );
      }
      const done = saved(
        deps,
        requested,
        {
          close: "done",
          step: "done",
          active: false,
          outcome: "replaced",
          closedAt: now.toISOString(),
        },
        `ticket ${wf.ticketKey} closed`,
        now,
      );
      deps.notifier.notify({
        kind: "hardware",
        host,
        text: `Closed ticket ${wf.ticketKey}: the ${label(wf)} is replaced`,
      });
      return done;
    }
    case "finish":
      return finish(deps, wf, action.outcome, now);
    case "wait":
      if (action.notice) {
        if (
          action.notice.startsWith("resolved_not_replaced:") && !wf.notices.includes(action.notice)
        ) {
          const ref = refOf(wf);
          if (ref) {
            await deps.tickets.comment(
              ref,
              `The ticket is resolved but the BMC does not show a replacement yet: ${
                action.why.replace(/^waiting for the replacement: /, "")
              }. Bynar keeps checking.`,
            );
          }
        }
        return notice(deps, wf, action.notice, `${label(wf)}: ${action.why}`, now);
      }
      return null;
  }
}

function finish(
  deps: HardwarePassDeps,
  wf: PartWorkflow,
  outcome: "replaced" | "wont_do",
  now: Date,
): PartWorkflow {
  const done = saved(
    deps,
    wf,
    { step: "done", active: false, outcome, closedAt: now.toISOString() },
    `finished: ${outcome}`,
    now,
  );
  if (outcome === "wont_do") {
    deps.notifier.notify({
      kind: "hardware",
      host: deps.host,
      text: `Ticket ${wf.ticketKey} for the ${label(wf)} was resolved as "${
        wf.resolutionName ?? "won't do"
      }"; not acting on it`,
    });
  }
  return done;
}

/** Sends a one-time notice (Slack) and stops for this pass. */
function notice(
  deps: HardwarePassDeps,
  wf: PartWorkflow,
  key: string,
  text: string,
  now: Date,
): null {
  if (wf.notices.includes(key)) return null;
  saved(deps, wf, { notices: [...wf.notices, key] }, `notice: ${text}`, now);
  deps.notifier.notify({ kind: "hardware", host: deps.host, text });
  return null;
}
