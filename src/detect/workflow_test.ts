import { deepStrictEqual as assertEquals, ok as assert } from "node:assert/strict";

function assertFalse(value: unknown, message?: string): void {
  assert(!value, message);
}
import type { NotifyEvent } from "../notify/types.ts";
import type { SlotDisk, StepFacts, Workflow } from "./types.ts";
import {
  type Action,
  type ActionResult,
  applyResult,
  backoff,
  decide,
  journal,
  newWorkflow,
  smartAcceptable,
  stepName,
} from "./workflow.ts";

const T0 = new Date("2026-11-25T10:00:00Z");
const REF = { id: "10001", key: "OPS-1", url: "http://jira/browse/OPS-1" };

function wf(mode: "auto" | "manual" = "auto", patch: Partial<Workflow> = {}): Workflow {
  const base = newWorkflow({
    key: "serial:S1",
    path: "/dev/sdb",
    serial: "S1",
    wwn: "0x5000c500a1b2c3d4",
    model: "ST4000",
    state: "waiting_for_replacement",
    reason: "SMART critical: 12 pending sectors",
    vanished: false,
    enteredWfrAt: T0.toISOString(),
  }, { host: "ceph1", approvalMode: mode, now: T0 });
  return { ...base, id: 1, attempt: 1, ...patch };
}

function facts(patch: Partial<StepFacts> = {}): StepFacts {
  return {
    now: T0,
    passId: "p1",
    approvalMode: "auto",
    gate: { allowed: true, reason: "" },
    failedPresent: true,
    slot: null,
    slotChecked: false,
    ...patch,
  };
}

function newDisk(patch: Partial<SlotDisk> = {}): SlotDisk {
  return {
    key: "serial:S2",
    path: "/dev/sdb",
    serial: "S2",
    wwn: "0x5000c500ffffffff",
    model: "ST4000",
    smart: { verdict: "ok", available: true, reasons: [] },
    ...patch,
  };
}

/** Runs decide → journal → apply with canned results until a wait; returns the trace. */
function drive(
  start: Workflow,
  f: StepFacts,
  answer: (a: Action, w: Workflow) => ActionResult | null,
): { wf: Workflow; actions: string[]; notify: NotifyEvent[]; wait: string } {
  let w = start;
  const actions: string[] = [];
  const notify: NotifyEvent[] = [];
  for (let i = 0; i < 40; i++) {
    const a = decide(w, f);
    if (a.kind === "wait") return { wf: w, actions, notify, wait: a.reason };
    actions.push(a.kind === "update" ? `update:${a.event}` : a.kind);
    w = journal(w, a, f.now);
    const r = a.kind === "update" ? null : answer(a, w);
    const applied = applyResult(w, a, r, { now: f.now, passId: f.passId });
    w = applied.wf;
    notify.push(...applied.notify);
    if (applied.pause) return { wf: w, actions, notify, wait: `paused: ${applied.event}` };
  }
  throw new Error(`no wait after 40 actions: ${actions.join(", ")}`);
}

function happy(a: Action): ActionResult | null {
  switch (a.kind) {
    case "check_safe":
      return { kind: "safety", answer: { outcome: "Success", safe: true, reason: "ok", osdId: 7 } };
    case "remove":
      return {
        kind: "op_started",
        start: { kind: "done", outcome: "Success", message: "removed", osdId: 7 },
      };
    case "file_ticket":
      return { kind: "ticket", ref: REF, created: true };
    case "comment":
      return { kind: "commented" };
    case "add":
      return {
        kind: "op_started",
        start: { kind: "done", outcome: "Success", message: "added", osdId: 7 },
      };
    case "close_ticket":
      return { kind: "closed" };
    default:
      return null;
  }
}

Deno.test("new workflow: auto needs no approval, manual waits for one", () => {
  assertEquals(wf("auto").approval, "not_required");
  assertEquals(wf("manual").approval, "pending");
  assertEquals(wf("auto").step, "checking_safety");
  assertEquals(wf("manual").step, "awaiting_approval");
});

Deno.test("auto: safe → remove (id kept) → one ticket → wait for resolution; Slack told", () => {
  const r = drive(wf(), facts(), happy);
  assertEquals(r.actions, ["check_safe", "remove", "file_ticket"]);
  assertEquals(r.wf.removal, "done");
  assertEquals(r.wf.osdId, 7);
  assertEquals(r.wf.ticketKey, "OPS-1");
  assert(r.wf.marks.includes("removal_reported"), "the ticket filed after removal already says so");
  assertEquals(r.wait, "waiting for OPS-1 to be resolved");
  assertEquals(r.notify.map((n) => n.kind), ["removed", "ticket_filed"]);
  assertEquals(r.wf.step, "awaiting_replacement");
});

Deno.test("resolved + a verified new disk in the slot → add → close ticket → done", () => {
  const start = drive(wf(), facts(), happy).wf;
  const resolved = { ...start, resolution: "resolved" as const, resolutionName: "Fixed" };
  const r = drive(
    resolved,
    facts({ failedPresent: false, slot: newDisk(), slotChecked: true }),
    happy,
  );
  assertEquals(r.actions.filter((a) => !a.startsWith("update:disk")), [
    "add",
    "update:closing OPS-1",
    "close_ticket",
  ]);
  assertEquals(r.wf.status, "done");
  assertEquals(r.wf.outcome, "replaced");
  assertEquals(r.wf.replacementKey, "serial:S2");
  assertEquals(r.wf.add, "done");
  assert(r.notify.some((n) => n.kind === "replaced" && n.newSerial === "S2"));
  assert(r.notify.some((n) => n.kind === "ticket_closed"));
  assertEquals(r.wait, "closed (replaced)");
});

Deno.test("a long removal: started, running (pause), then succeeded", () => {
  let polls = 0;
  const answer = (a: Action, w: Workflow): ActionResult | null => {
    if (a.kind !== "remove") return happy(a);
    if (!w.removeOpId) return { kind: "op_started", start: { kind: "started", opId: "op-1" } };
    polls++;
    return {
      kind: "op_state",
      state: polls === 1
        ? { state: "RUNNING", message: "draining", osdId: null }
        : { state: "SUCCEEDED", message: "removed osd.7", osdId: 7, outcome: "Success" },
    };
  };
  const first = drive(wf(), facts(), answer);
  assertEquals(first.actions, ["check_safe", "remove", "remove"]);
  assertEquals(first.wf.removal, "requested");
  assertEquals(first.wf.removeOpId, "op-1");
  assert(first.notify.some((n) => n.kind === "removing"));
  const second = drive(first.wf, facts({ passId: "p2" }), answer);
  assertEquals(second.actions, ["remove", "file_ticket"]);
  assertEquals(second.wf.removal, "done");
});

Deno.test("a failed removal is reset, backs off, and is retried after the back-off", () => {
  const answer = (a: Action, w: Workflow): ActionResult | null =>
    a.kind === "remove"
      ? (w.removeOpId
        ? { kind: "op_state", state: { state: "FAILED", message: "drain timeout", osdId: null } }
        : { kind: "op_started", start: { kind: "started", opId: "op-1" } })
      : happy(a);
  const r = drive(wf(), facts(), answer);
  assertEquals(r.wf.removal, "pending");
  assertEquals(r.wf.errors, 1);
  assertEquals(r.wf.retryAt, new Date(T0.getTime() + backoff(1)).toISOString());
  assert(r.notify.some((n) => n.kind === "error"));
  assert(decide(r.wf, facts()).kind === "wait", "waits during the back-off");
  const later = facts({ now: new Date(T0.getTime() + backoff(1) + 1), passId: "p2" });
  assertEquals(decide(r.wf, later).kind, "check_safe");
});

Deno.test("a refused removal request (4xx) resets the journaled request", () => {
  const w = journal(wf(), { kind: "remove" }, T0);
  assertEquals(w.removal, "requested");
  const r = applyResult(w, { kind: "remove" }, {
    kind: "error",
    message: "409 busy",
    refused: true,
  }, {
    now: T0,
    passId: "p1",
  });
  assertEquals(r.wf.removal, "pending");
  assertEquals(r.wf.removeRequestedAt, null);
  const amb = applyResult(w, { kind: "remove" }, { kind: "error", message: "timeout" }, {
    now: T0,
    passId: "p1",
  });
  assertEquals(amb.wf.removal, "requested", "an ambiguous failure keeps the request journaled");
});

Deno.test("not safe: Slack once, a ticket filed for a human, no removal; re-asked next pass", () => {
  const notSafe = (a: Action): ActionResult | null =>
    a.kind === "check_safe"
      ? {
        kind: "safety",
        answer: { outcome: "Success", safe: false, reason: "3 PGs degraded", osdId: 7 },
      }
      : happy(a);
  const r = drive(wf(), facts(), notSafe);
  assertEquals(r.actions, [
    "check_safe",
    "update:not safe to remove: 3 PGs degraded",
    "file_ticket",
  ]);
  assertEquals(r.wf.removal, "pending");
  assertEquals(r.notify.map((n) => n.kind), ["not_safe", "ticket_filed"]);
  assertEquals(r.wait, "not safe to remove yet: 3 PGs degraded");
  const again = drive(r.wf, facts({ passId: "p2" }), notSafe);
  assertEquals(again.actions, ["check_safe"]);
  assertEquals(again.notify.length, 0, "no second Slack message");
  const nowSafe = drive(again.wf, facts({ passId: "p3" }), happy);
  assertEquals(nowSafe.actions, ["check_safe", "remove", "comment"]);
  assertEquals(nowSafe.wf.removal, "done");
});

Deno.test("safe-to-remove answers Skipped (not a cluster disk) or SkipRepeat (already removed)", () => {
  const skipped = drive(
    wf(),
    facts(),
    (a) =>
      a.kind === "check_safe"
        ? {
          kind: "safety",
          answer: { outcome: "Skipped", safe: false, reason: "system disk", osdId: null },
        }
        : happy(a),
  );
  assertEquals(skipped.wf.removal, "skipped");
  assertEquals(skipped.wf.ticket, "filed");
  const repeat = drive(
    wf(),
    facts(),
    (a) =>
      a.kind === "check_safe"
        ? {
          kind: "safety",
          answer: {
            outcome: "SkipRepeat",
            safe: true,
            reason: "osd.7 already destroyed",
            osdId: 7,
          },
        }
        : happy(a),
  );
  assertEquals(repeat.wf.removal, "done");
  assertEquals(repeat.wf.osdId, 7);
  assertFalse(repeat.actions.includes("remove"));
});

Deno.test("safe-to-remove unreachable: ticket filed anyway, Slack told once", () => {
  const err = (a: Action): ActionResult | null =>
    a.kind === "check_safe"
      ? { kind: "error", message: "Cannot reach the disk-manager" }
      : happy(a);
  const r = drive(wf(), facts(), err);
  assertEquals(r.actions, ["check_safe", "file_ticket"]);
  assertEquals(r.wf.safety?.outcome, "Error");
  assert(r.wait.startsWith("cannot tell whether /dev/sdb is safe to remove"));
  const again = drive(r.wf, facts({ passId: "p2" }), err);
  assertEquals(again.notify.length, 0);
});

Deno.test("outside the window / frozen: ticket and comment, nothing destructive", () => {
  const f = facts({ gate: { allowed: false, reason: "frozen (/etc/bynar/freeze exists)" } });
  const r = drive(wf(), f, happy);
  assertEquals(r.actions, ["file_ticket", "comment"]);
  assertEquals(r.wf.removal, "pending");
  assert(r.wf.marks.includes("removal_deferred"));
  assertEquals(r.wait, "removal deferred: frozen (/etc/bynar/freeze exists)");
  assertEquals(drive(r.wf, f, happy).actions, [], "the comment is made once");
  const open = drive(r.wf, facts({ passId: "p2" }), happy);
  assertEquals(open.actions, ["check_safe", "remove", "comment"]);
});

Deno.test("the add waits for the window too, after the replacement is verified", () => {
  const start = {
    ...drive(wf(), facts(), happy).wf,
    resolution: "resolved" as const,
    vanishedSeen: true,
  };
  const f = facts({
    failedPresent: false,
    slot: newDisk(),
    slotChecked: true,
    gate: { allowed: false, reason: "outside the maintenance windows (6 01:00-05:00)" },
  });
  const r = drive(start, f, happy);
  assertEquals(r.actions, ["comment"]);
  assertEquals(r.wf.add, "pending");
  assert(r.wait.startsWith("add deferred"));
});

Deno.test("manual approval: ticket, Slack, comment, then waits; approved → removed", () => {
  const f = facts({ approvalMode: "manual" });
  const r = drive(wf("manual"), f, happy);
  assertEquals(r.actions, ["file_ticket", "update:awaiting approval: bynar approve S1", "comment"]);
  assertEquals(r.notify.map((n) => n.kind), ["ticket_filed", "awaiting_approval"]);
  assertEquals(r.wait, 'awaiting approval: run "bynar approve S1"');
  assertEquals(r.wf.removal, "pending");
  const approved = { ...r.wf, approval: "approved" as const, approvedBy: "alice" };
  const next = drive(approved, facts({ approvalMode: "manual", passId: "p2" }), happy);
  assertEquals(next.actions, ["check_safe", "remove", "comment"]);
  assertEquals(next.wf.removal, "done");
});

Deno.test("manual mode switched on for a running workflow asks for approval first", () => {
  const r = drive(wf("auto"), facts({ approvalMode: "manual" }), happy);
  assertEquals(r.actions[0], "update:manual approval mode: approval required");
  assertEquals(r.wf.approval, "pending");
});

Deno.test("rejected: the ticket is commented and the workflow ends without removal", () => {
  const filed = drive(wf("manual"), facts({ approvalMode: "manual" }), happy).wf;
  const r = drive(
    { ...filed, approval: "rejected", approvedBy: "bob" },
    facts({ approvalMode: "manual" }),
    happy,
  );
  assertEquals(r.actions, ["comment", "update:removal rejected by bob"]);
  assertEquals(r.wf.status, "cancelled");
  assertEquals(r.wf.outcome, "rejected");
  assertEquals(r.wf.removal, "pending");
});

Deno.test("won't-do resolution is reported, not acted on", () => {
  const start = {
    ...drive(wf(), facts(), happy).wf,
    resolution: "wont_do" as const,
    resolutionName: "Won't Do",
  };
  const r = drive(
    start,
    facts({ failedPresent: false, slot: newDisk(), slotChecked: false }),
    happy,
  );
  assertFalse(r.actions.includes("add"));
  assertEquals(r.wf.status, "cancelled");
  assertEquals(r.wf.outcome, "wont_do");
  assert(r.notify.some((n) => n.kind === "ticket_wont_do" && n.resolution === "Won't Do"));
});

Deno.test("a ticket deleted from the tracker is filed again", () => {
  const start = { ...drive(wf(), facts(), happy).wf, resolution: "missing" as const };
  const r = drive(
    start,
    facts(),
    (a) =>
      a.kind === "file_ticket"
        ? { kind: "ticket", ref: { id: "10002", key: "OPS-2" }, created: true }
        : happy(a),
  );
  assertEquals(r.wf.ticketKey, "OPS-2");
  assert(r.notify.some((n) => n.kind === "error"));
});

Deno.test("vanished disk: noted once; its OSD is still removed by the stored id", () => {
  let asked: Action[] = [];
  const r = drive(wf(), facts({ failedPresent: false }), (a) => {
    asked.push(a);
    return happy(a);
  });
  assertEquals(r.actions[0], "update:disk /dev/sdb (serial S1) vanished from the host");
  assert(r.wf.vanishedSeen);
  assertEquals(r.wf.removal, "done");
  asked = [];
  assertEquals(decide(r.wf, facts({ failedPresent: false })).kind, "wait");
});

Deno.test("the same disk back before removal: ticket closed, workflow cancelled", () => {
  const f = facts({ failedPresent: false, gate: { allowed: false, reason: "frozen" } });
  const gone = drive(wf(), f, happy).wf;
  assertEquals(gone.ticket, "filed");
  const r = drive(
    gone,
    facts({ failedPresent: true, gate: { allowed: false, reason: "frozen" } }),
    happy,
  );
  assertEquals(r.actions, [
    "update:disk /dev/sdb (serial S1) is back; closing OPS-1",
    "close_ticket",
  ]);
  assertEquals(r.wf.status, "cancelled");
  assertEquals(r.wf.outcome, "disk_back");
  const noTicket = { ...wf(), vanishedSeen: true };
  const r2 = drive(noTicket, facts({ failedPresent: true }), happy);
  assertEquals(r2.wf.outcome, "disk_back");
  assertEquals(r2.actions.length, 1);
});

Deno.test("the same disk back after removal keeps waiting for a real replacement", () => {
  const removed = { ...drive(wf(), facts({ failedPresent: false }), happy).wf };
  const r = drive(removed, facts({ failedPresent: true, passId: "p2" }), happy);
  assertEquals(r.actions, []);
  assertEquals(r.wf.status, "active");
});

Deno.test("resolved but the same serial is in the slot: not a replacement, ticket commented", () => {
  const start = { ...drive(wf(), facts(), happy).wf, resolution: "resolved" as const };
  const r = drive(start, facts({ failedPresent: true, slotChecked: true }), happy);
  assertEquals(r.actions[0], "comment");
  assertEquals(r.wf.status, "cancelled");
  assertEquals(r.wf.outcome, "same_disk");
  assertFalse(r.actions.includes("add"));
  const sameWwn = drive(
    start,
    facts({
      failedPresent: false,
      slotChecked: true,
      slot: newDisk({ key: "wwn:x", serial: null, wwn: "0x5000c500a1b2c3d4" }),
    }),
    happy,
  );
  assertEquals(sameWwn.wf.outcome, "same_disk");
});

Deno.test("resolved but the slot is empty: comment once and wait", () => {
  const start = {
    ...drive(wf(), facts(), happy).wf,
    resolution: "resolved" as const,
    vanishedSeen: true,
  };
  const f = facts({ failedPresent: false, slotChecked: true });
  const r = drive(start, f, happy);
  assertEquals(r.actions, ["comment"]);
  assertEquals(r.wait, "resolved, but no disk at /dev/sdb yet");
  assertEquals(drive(r.wf, f, happy).actions, []);
  assertEquals(decide(r.wf, facts({ failedPresent: false, slotChecked: false })).kind, "wait");
});

Deno.test("a replacement that fails SMART is not added", () => {
  const start = {
    ...drive(wf(), facts(), happy).wf,
    resolution: "resolved" as const,
    vanishedSeen: true,
  };
  const bad = newDisk({
    smart: { verdict: "critical", available: true, reasons: ["5 reallocated"] },
  });
  const r = drive(start, facts({ failedPresent: false, slot: bad, slotChecked: true }), happy);
  assertEquals(r.actions, ["comment"]);
  assertEquals(r.wf.add, "pending");
  assert(r.wait.includes("critical"));
});

Deno.test("SMART acceptance: ok, or unknown only on devices without SMART", () => {
  assert(smartAcceptable({ verdict: "ok", available: true, reasons: [] }));
  assert(smartAcceptable({ verdict: "unknown", available: false, reasons: [] }));
  assertFalse(smartAcceptable({ verdict: "unknown", available: true, reasons: [] }));
  assertFalse(smartAcceptable({ verdict: "warning", available: true, reasons: [] }));
});

Deno.test("journal: each side effect is recorded before it runs; resumptions do not re-journal", () => {
  const w = wf();
  const t = journal(w, { kind: "file_ticket" }, T0);
  assertEquals(t.ticket, "requested");
  assertEquals(decide(t, facts({ gate: { allowed: false, reason: "x" } })).kind, "file_ticket");
  const r = journal(w, { kind: "remove" }, T0);
  assertEquals(r.removal, "requested");
  assertEquals(r.step, "removing");
  assertEquals(
    journal(r, { kind: "remove" }, new Date(T0.getTime() + 1000)).removeRequestedAt,
    T0.toISOString(),
  );
  assertEquals(
    decide(r, facts({ gate: { allowed: false, reason: "frozen" } })).kind,
    "remove",
    "a started removal is followed up even when frozen",
  );
  const a = journal(w, {
    kind: "add",
    replacement: { key: "serial:S2", serial: "S2", path: "/dev/sdb" },
  }, T0);
  assertEquals(a.add, "requested");
  assertEquals(a.replacementKey, "serial:S2");
  assertEquals(
    decide({
      ...a,
      ticket: "filed",
      ticketKey: "OPS-1",
      ticketId: "1",
      removal: "done",
      marks: ["removal_reported"],
    }, facts()).kind,
    "add",
  );
  assertEquals(journal(w, { kind: "check_safe" }, T0), w);
});

Deno.test("a journaled close is resumed", () => {
  const w = {
    ...wf(),
    ticket: "filed" as const,
    ticketId: "1",
    ticketKey: "OPS-1",
    close: "requested" as const,
    outcome: "replaced",
  };
  const a = decide(w, facts());
  assertEquals(a.kind, "close_ticket");
  assert(a.kind === "close_ticket" && a.text.includes("added it back"));
});

Deno.test("closed workflows do nothing", () => {
  assertEquals(decide({ ...wf(), status: "done", outcome: "replaced" }, facts()).kind, "wait");
  assertEquals(stepName({ ...wf(), status: "cancelled", outcome: "wont_do" }), "closed:wont_do");
});

Deno.test("back-off doubles and is capped", () => {
  assertEquals(backoff(1), 30_000);
  assertEquals(backoff(2), 60_000);
  assertEquals(backoff(20), 3_600_000);
});

Deno.test("a ticket error honours the tracker's Retry-After", () => {
  const retryAt = T0.getTime() + 120_000;
  const r = drive(
    wf(),
    facts({ gate: { allowed: false, reason: "x" } }),
    (a) => a.kind === "file_ticket" ? { kind: "error", message: "429", retryAt } : happy(a),
  );
  assertEquals(r.wf.ticket, "requested");
  assertEquals(r.wf.retryAt, new Date(retryAt).toISOString());
});

Deno.test("a replacement that cannot be verified is held: Slack and the ticket say why and what to do", () => {
  const start = {
    ...drive(wf(), facts(), happy).wf,
    resolution: "resolved" as const,
    vanishedSeen: true,
  };
  const unreadable = newDisk({
    smart: { verdict: "unknown", available: true, reasons: ["sk_disk_get_blob failed (ENODATA)"] },
  });
  const f = facts({ failedPresent: false, slot: unreadable, slotChecked: true });
  const texts: string[] = [];
  const r = drive(start, f, (a) => {
    if (a.kind === "comment") texts.push(a.text);
    return happy(a);
  });
  assertEquals(r.actions, ["comment"]);
  assertEquals(r.wf.add, "pending");
  assert(texts[0]!.includes("cannot verify it (sk_disk_get_blob failed (ENODATA))"), texts[0]);
  assert(texts[0]!.includes("bynar client add /dev/sdb --identity S2 --osd-id 7"), texts[0]);
  const held = r.notify.find((n) => n.kind === "replacement_held");
  assert(
    held && held.kind === "replacement_held" && held.ticket === "OPS-1",
    JSON.stringify(r.notify),
  );
  // Told once: the next pass waits silently.
  const again = drive(r.wf, f, happy);
  assertEquals([again.actions, again.notify], [[], []]);
  // A loop device (no SMART at all) is accepted, as --check reports it.
  const loop = newDisk({
    smart: { verdict: "unknown", available: false, reasons: ["loop devices have no SMART data"] },
  });
  const added = drive(start, facts({ failedPresent: false, slot: loop, slotChecked: true }), happy);
  assert(added.actions.includes("add"), added.actions.join(","));
});

Deno.test("a stall (no progress for stall_report_minutes) is reported once to Slack and the ticket", () => {
  // Not safe: the workflow stays at checking_safety with a ticket.
  const notSafe = (a: Action): ActionResult | null =>
    a.kind === "check_safe"
      ? {
        kind: "safety",
        answer: { outcome: "Success", safe: false, reason: "noout is set", osdId: 7 },
      }
      : happy(a);
  const stallMs = 30 * 60_000;
  const first = drive(wf(), facts({ stallMs, stepSince: T0.toISOString() }), notSafe);
  assertEquals(first.wf.step, "checking_safety");
  assertFalse(first.notify.some((n) => n.kind === "stalled"), "not yet stalled");
  const later = new Date(T0.getTime() + stallMs + 1000);
  const texts: string[] = [];
  const f = facts({ now: later, passId: "p2", stallMs, stepSince: T0.toISOString() });
  const r = drive(first.wf, f, (a) => {
    if (a.kind === "comment") texts.push(a.text);
    return notSafe(a);
  });
  const stalled = r.notify.filter((n) => n.kind === "stalled");
  assertEquals(stalled.length, 1, JSON.stringify(r.notify));
  assert(
    texts.some((t) => t.includes("no progress") && t.includes('"checking_safety"')),
    texts.join("\n"),
  );
  assert(r.wf.marks.includes("stalled:checking_safety"));
  const again = drive(r.wf, facts({ ...f, passId: "p3" }), notSafe);
  assertFalse(again.notify.some((n) => n.kind === "stalled"), "reported once");
  // Waiting for people (the ticket) is not a stall.
  const waiting = drive(wf(), facts(), happy).wf;
  const w2 = drive(waiting, facts({ now: later, stallMs, stepSince: T0.toISOString() }), happy);
  assertEquals(w2.notify, []);
  // 0 = never.
  const off = drive(
    first.wf,
    facts({ now: later, passId: "p4", stallMs: 0, stepSince: T0.toISOString() }),
    notSafe,
  );
  assertFalse(off.notify.some((n) => n.kind === "stalled"));
});

Deno.test("won't-do: the ticket is commented with what Bynar did and did not do", () => {
  const start = {
    ...drive(wf(), facts(), happy).wf,
    resolution: "wont_do" as const,
    resolutionName: "Won't Do",
  };
  const texts: string[] = [];
  const r = drive(start, facts({ failedPresent: false }), (a) => {
    if (a.kind === "comment") texts.push(a.text);
    return happy(a);
  });
  assert(r.actions.includes("comment"), r.actions.join(","));
  assert(texts[0]!.includes("osd.7 stays destroyed (id kept) and no disk is added"), texts[0]);
  assertEquals(r.wf.outcome, "wont_do");
});

Deno.test("the ticket of a disk safe-to-remove refused says it was NOT removed (not 'adds it back')", async () => {
  const { ticketDisk } = await import("./runner.ts");
  const { renderPlain, descriptionBlocks } = await import("../tickets/text.ts");
  const refused = drive(wf(), facts(), (a) =>
    a.kind === "check_safe"
      ? {
        kind: "safety",
        answer: { outcome: "Success", safe: false, reason: "noout is set", osdId: 7 },
      }
      : happy(a));
  const text = renderPlain(descriptionBlocks(ticketDisk(refused.wf)));
  assert(text.includes("Bynar has NOT removed this disk from the cluster (noout is set)"), text);
  assertFalse(text.includes("adds it back"), text);
  const removed = drive(wf(), facts(), happy).wf;
  assert(renderPlain(descriptionBlocks(ticketDisk(removed))).includes("adds it back as osd.7"));
});
