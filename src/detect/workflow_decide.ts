/**
 * {@linkcode decide}: the ONE next action (or a wait) of a stored workflow, given this
 * pass's facts. Pure.
 *
 * @module
 */
import type { NotifyEvent } from "../notify/types.ts";
import type { SlotDisk, StepFacts, Workflow } from "./types.ts";
import { type Action, diskName, smartAcceptable, stepName, ticketName } from "./workflow_model.ts";

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
