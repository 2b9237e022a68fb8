import assert from "node:assert/strict";
import { decideBudget } from "../backend/ceph/lease.ts";
import { newWorkflow } from "../detect/workflow_model.ts";
import type { Workflow } from "../detect/records.ts";
import {
  BUDGET_EXHAUSTED_PHRASE,
  formatDetectPrometheus,
  waitingForBudget,
} from "./detect_prometheus.ts";

function wf(over: Partial<Workflow> = {}): Workflow {
  const base = newWorkflow({
    key: "serial:S1",
    path: "/dev/sdb",
    serial: "S1",
    wwn: null,
    model: null,
    state: "waiting_for_replacement",
    reason: "smart failed",
    vanished: false,
    enteredWfrAt: null,
  }, { host: "h1", approvalMode: "auto", now: new Date("2026-01-01T00:00:00Z") });
  return { ...base, id: 1, attempt: 1, ...over };
}

Deno.test("detect metrics: a budget refusal (the backend's own wording) marks the wait", () => {
  const refusal = decideBudget(
    [{ key: "k", osdId: 1, holder: "h2", opId: null, acquiredAt: 0, expiresAt: 10_000 }],
    { osdId: 2, now: 1, max: 1 },
  );
  assert.equal(refusal.ok, false);
  const reason = refusal.ok ? "" : refusal.reason;
  assert.ok(reason.includes(BUDGET_EXHAUSTED_PHRASE));
  const safety = { passId: "p", outcome: "Success" as const, safe: false, reason, osdId: 2 };
  assert.equal(waitingForBudget(wf({ safety })), true);
  assert.equal(waitingForBudget(wf({ safety: { ...safety, reason: "PGs degraded" } })), false);
  assert.equal(waitingForBudget(wf({ safety: { ...safety, safe: true } })), false);
  assert.equal(waitingForBudget(wf({ safety, removal: "done" })), false);
});

Deno.test("detect metrics: exposition of steps, budget waits, closed counts and lead times", () => {
  const text = formatDetectPrometheus({
    host: "h1",
    passAt: new Date("2026-01-02T00:00:00Z"),
    active: [{
      workflow: wf({ step: "awaiting_replacement", ticketKey: "OPS-1" }),
      stepSince: "2026-01-01T06:00:00Z",
    }],
    closed: [
      { outcome: "replaced", seconds: 7200 },
      { outcome: "replaced", seconds: 3 * 86400 },
      { outcome: "wont_do", seconds: 10 },
    ],
  });
  const has = (l: string) => assert.ok(text.split("\n").includes(l), `missing: ${l}\n${text}`);
  has('bynar_detect_pass_timestamp_seconds{host="h1"} 1767312000');
  has(
    'bynar_workflow_active{host="h1",disk="serial:S1",serial="S1",path="/dev/sdb",step="awaiting_replacement",ticket="OPS-1"} 1',
  );
  has(
    'bynar_workflow_step_since_timestamp_seconds{host="h1",disk="serial:S1",step="awaiting_replacement"} 1767247200',
  );
  has('bynar_workflow_waiting_for_budget{host="h1",disk="serial:S1"} 0');
  has('bynar_workflows_closed_total{host="h1",outcome="replaced"} 2');
  has('bynar_workflows_closed_total{host="h1",outcome="wont_do"} 1');
  has('bynar_replacement_lead_time_seconds_bucket{host="h1",le="3600"} 0');
  has('bynar_replacement_lead_time_seconds_bucket{host="h1",le="14400"} 1');
  has('bynar_replacement_lead_time_seconds_bucket{host="h1",le="345600"} 2');
  has('bynar_replacement_lead_time_seconds_bucket{host="h1",le="+Inf"} 2');
  has('bynar_replacement_lead_time_seconds_sum{host="h1"} 266400');
  has('bynar_replacement_lead_time_seconds_count{host="h1"} 2');
});
