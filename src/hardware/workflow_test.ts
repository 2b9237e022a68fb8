import assert from "node:assert/strict";
import type { HardwarePart, PartAssessment } from "./model.ts";
import { assessPart } from "./policy.ts";
import { partTicket } from "./ticket_text.ts";
import {
  judgeSlot,
  needsPartWorkflow,
  newPartWorkflow,
  nextPartAction,
  type PartFacts,
  type PartWorkflow,
} from "./workflow.ts";

function part(over: Partial<HardwarePart> = {}): HardwarePart {
  return {
    kind: "memory",
    slot: "memory:S1/DIMM1",
    uri: "/redfish/v1/Systems/S1/Memory/DIMM1",
    id: "DIMM1",
    name: "DIMM Slot 1",
    manufacturer: "Micron",
    model: "DDR4 RDIMM",
    serialNumber: "OLD",
    partNumber: "MTA36",
    sparePartNumber: null,
    location: "CPU1 DIMM A1",
    state: "Enabled",
    health: "OK",
    healthRollup: null,
    source: "Memory",
    evidence: {},
    ...over,
  };
}

const NOW = new Date("2026-12-07T21:00:00Z");
const failed: PartAssessment = assessPart(part({ evidence: { uncorrectableErrors: 3 } }));

function wf(over: Partial<PartWorkflow> = {}): PartWorkflow {
  return {
    ...newPartWorkflow(failed, { host: "h1", endpoint: "https://bmc", events: [], now: NOW }),
    id: 1,
    ...over,
  };
}

function facts(over: Partial<PartFacts> = {}): PartFacts {
  return { now: NOW, gate: { allowed: true, reason: "" }, current: null, ticket: null, ...over };
}

Deno.test("needsPartWorkflow: one per serial; serial-less slots reopen only after a replacement", () => {
  assert.equal(needsPartWorkflow(failed, []), true);
  assert.equal(needsPartWorkflow(failed, [wf()]), false, "active");
  assert.equal(needsPartWorkflow(failed, [wf({ active: false, outcome: "wont_do" })]), false);
  assert.equal(needsPartWorkflow(failed, [wf({ active: false, outcome: "replaced" })]), false);
  const fan = assessPart(part({ kind: "fan", serialNumber: null, health: "Critical" }));
  assert.equal(
    needsPartWorkflow(fan, [wf({ serial: null, active: false, outcome: "replaced" })]),
    true,
  );
  assert.equal(
    needsPartWorkflow(fan, [wf({ serial: null, active: false, outcome: "wont_do" })]),
    false,
  );
  assert.equal(needsPartWorkflow(assessPart(part()), []), false, "healthy");
});

Deno.test("judgeSlot: a new serial, Enabled and ok is a replacement; anything else is not yet", () => {
  const w = wf();
  assert.deepEqual(judgeSlot(w, null), { kind: "not_yet", why: "the slot is empty" });
  assert.equal(judgeSlot(w, assessPart(part({ state: "Absent" }))).kind, "not_yet");
  assert.match(
    (judgeSlot(w, assessPart(part())) as { why: string }).why,
    /same part \(serial OLD\), now reporting OK/,
  );
  assert.match(
    (judgeSlot(w, assessPart(part({ serialNumber: "NEW", health: "Critical" }))) as { why: string })
      .why,
    /the part in the slot is still critical/,
  );
  assert.match(
    (judgeSlot(w, assessPart(part({ serialNumber: null }))) as { why: string }).why,
    /no serial/,
  );
  assert.deepEqual(judgeSlot(w, assessPart(part({ serialNumber: "NEW" }))), {
    kind: "replaced",
    serial: "NEW",
    note: "new serial NEW (was OLD), Health OK",
  });
  const serialLess = judgeSlot(wf({ serial: null }), assessPart(part({ serialNumber: null })));
  assert.equal(serialLess.kind, "replaced");
  assert.match((serialLess as { note: string }).note, /judged by health alone/);
});

Deno.test("nextPartAction: the steps in order, the gate, won't do", () => {
  assert.deepEqual(nextPartAction(wf(), facts()), { kind: "file_ticket" });
  const down = wf({ step: "host_down", ticket: "filed" });
  assert.deepEqual(nextPartAction(down, facts()), { kind: "enter_maintenance" });
  const gated = nextPartAction(down, facts({ gate: { allowed: false, reason: "frozen" } }));
  assert.equal(gated.kind, "wait");
  assert.deepEqual(
    nextPartAction(down, facts({ ticket: { state: "wont_do", resolution: "Won't Do" } })),
    {
      kind: "finish",
      outcome: "wont_do",
    },
  );
  const waiting = wf({ step: "await_replacement", maintenance: "entered" });
  assert.equal(nextPartAction(waiting, facts({ current: undefined })).kind, "wait");
  assert.deepEqual(
    nextPartAction(waiting, facts({ current: assessPart(part({ serialNumber: "NEW" })) })),
    { kind: "replaced", serial: "NEW", note: "new serial NEW (was OLD), Health OK" },
  );
  assert.deepEqual(
    nextPartAction(waiting, facts({ ticket: { state: "wont_do", resolution: "Won't Do" } })),
    { kind: "exit_maintenance", because: "wont_do" },
  );
  const resolved = nextPartAction(
    waiting,
    facts({ current: assessPart(part()), ticket: { state: "resolved", resolution: "Fixed" } }),
  );
  assert.equal(resolved.kind, "wait");
  assert.match((resolved as { notice: string }).notice, /^resolved_not_replaced:/);
  assert.deepEqual(nextPartAction(wf({ step: "host_up" }), facts()), {
    kind: "exit_maintenance",
    because: "replaced",
  });
  assert.deepEqual(nextPartAction(wf({ step: "close_ticket" }), facts()), { kind: "close_ticket" });
});

Deno.test("partTicket: vendor-ready identity, evidence and the host-down instructions", () => {
  const t = partTicket(
    wf({
      events: [{
        uri: "/e/1",
        created: "2026-12-07T20:00:00Z",
        severity: "Critical",
        message: "Uncorrectable ECC",
        origin: null,
      }],
    }),
  );
  assert.equal(t.serial, "part-OLD");
  assert.equal(t.part!.subject, "failed memory module (DIMM) OLD");
  const blocks = JSON.stringify(t.part!.description);
  for (
    const want of [
      "Model",
      "DDR4 RDIMM",
      "Part number",
      "MTA36",
      "CPU1 DIMM A1",
      "Uncorrectable ECC errors: 3",
      "Event log 2026-12-07T20:00:00Z Critical: Uncorrectable ECC",
      "needs the host powered down",
    ]
  ) {
    assert.ok(blocks.includes(want), want);
  }
});
