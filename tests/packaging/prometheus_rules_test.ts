/**
 * The shipped Prometheus alert rules (`packaging/prometheus/bynar-alerts.yml`, installed as
 * /usr/share/bynar/prometheus/bynar-alerts.yml) pass `promtool check rules` and
 * `promtool test rules` (Debian's `prometheus` package, run as a real process): every alert
 * has a unit-test case where it fires and one where it does not; a rule mutated to the
 * wrong threshold fails those tests; every metric the rules and the fleet dashboard name is
 * one the product exports.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { ApiMetrics } from "../../src/api/metrics.ts";
import { formatDetectPrometheus } from "../../src/output/detect_prometheus.ts";
import { newWorkflow } from "../../src/detect/workflow_model.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const RULES = `${ROOT}packaging/prometheus/bynar-alerts.yml`;
const DASHBOARD = `${ROOT}packaging/prometheus/bynar-fleet-dashboard.json`;

interface Alert {
  exp_labels: Record<string, string>;
  exp_annotations?: Record<string, string>;
}
interface AlertCase {
  eval_time: string;
  alertname: string;
  exp_alerts: Alert[];
}
interface TestGroup {
  interval: string;
  input_series: { series: string; values: string }[];
  alert_rule_test: AlertCase[];
}

/** One test group per alert: the series, when it fires (and for whom), when it does not. */
function groups(): TestGroup[] {
  const node = 'instance="h1:9100",job="node"';
  const node2 = 'instance="h2:9100",job="node"';
  const dm = 'instance="h1:5556",job="bynar-disk-manager"';
  const dm2 = 'instance="h2:5556",job="bynar-disk-manager"';
  return [
    {
      interval: "1m",
      input_series: [
        { series: `bynar_disk_health{${node},disk="serial:A"}`, values: "2x40" },
        { series: `bynar_disk_health{${node},disk="serial:B"}`, values: "0x40" },
        // Critical for 5 minutes, then ok again: shorter than `for`.
        { series: `bynar_disk_health{${node2},disk="serial:C"}`, values: "2x5 0x35" },
      ],
      alert_rule_test: [
        { eval_time: "10m", alertname: "BynarDiskFailing", exp_alerts: [] },
        {
          eval_time: "30m",
          alertname: "BynarDiskFailing",
          exp_alerts: [{
            exp_labels: { severity: "warning", disk: "serial:A", instance: "h1:9100", job: "node" },
          }],
        },
      ],
    },
    {
      interval: "1m",
      input_series: [
        {
          series:
            `bynar_disk_vanished{${node},disk="serial:V",path="/dev/sdv",serial="V",wwn="0x5"}`,
          values: "1x40",
        },
        {
          series: `bynar_disk_vanished{${node2},disk="serial:W",path="/dev/sdw",serial="W"}`,
          values: "1x3",
        },
      ],
      alert_rule_test: [
        { eval_time: "5m", alertname: "BynarDiskVanished", exp_alerts: [] },
        {
          eval_time: "20m",
          alertname: "BynarDiskVanished",
          exp_alerts: [{
            exp_labels: {
              severity: "warning",
              disk: "serial:V",
              path: "/dev/sdv",
              serial: "V",
              wwn: "0x5",
              instance: "h1:9100",
              job: "node",
            },
          }],
        },
      ],
    },
    {
      interval: "1m",
      input_series: [
        // d1: removing since t=0 (fires after 6 h + 10 m).
        {
          series:
            `bynar_workflow_step_since_timestamp_seconds{${node},host="h1",disk="d1",step="removing"}`,
          values: "0x480",
        },
        // d2: waiting for a person (the ticket): never "stuck".
        {
          series:
            `bynar_workflow_step_since_timestamp_seconds{${node},host="h1",disk="d2",step="awaiting_replacement"}`,
          values: "0x480",
        },
        // d3: checking safety for 8 h, but refused by the removal budget: not "stuck".
        {
          series:
            `bynar_workflow_step_since_timestamp_seconds{${node},host="h1",disk="d3",step="checking_safety"}`,
          values: "0x480",
        },
        {
          series: `bynar_workflow_waiting_for_budget{${node},host="h1",disk="d3"}`,
          values: "1x480",
        },
        // d4: adding since 5 h.
        {
          series:
            `bynar_workflow_step_since_timestamp_seconds{${node2},host="h2",disk="d4",step="adding"}`,
          values: "18000x480",
        },
      ],
      alert_rule_test: [
        { eval_time: "6h5m", alertname: "BynarWorkflowStuck", exp_alerts: [] },
        {
          eval_time: "7h",
          alertname: "BynarWorkflowStuck",
          exp_alerts: [{
            exp_labels: {
              severity: "warning",
              host: "h1",
              disk: "d1",
              step: "removing",
              instance: "h1:9100",
              job: "node",
            },
          }],
        },
      ],
    },
    {
      interval: "1m",
      input_series: [
        {
          series: `bynar_workflow_waiting_for_budget{${node},host="h1",disk="d3"}`,
          values: "1x120",
        },
        {
          series: `bynar_workflow_waiting_for_budget{${node2},host="h2",disk="d5"}`,
          values: "0x120",
        },
      ],
      alert_rule_test: [
        { eval_time: "50m", alertname: "BynarRemovalBudgetExhausted", exp_alerts: [] },
        {
          eval_time: "90m",
          alertname: "BynarRemovalBudgetExhausted",
          exp_alerts: [{
            exp_labels: {
              severity: "warning",
              host: "h1",
              disk: "d3",
              instance: "h1:9100",
              job: "node",
            },
          }],
        },
      ],
    },
    {
      interval: "10m",
      input_series: [
        // d2: ticket filed at t=0; d6: ticket filed at 10 h.
        {
          series:
            `bynar_workflow_step_since_timestamp_seconds{${node},host="h1",disk="d2",step="awaiting_replacement"}`,
          values: "0x480",
        },
        {
          series:
            `bynar_workflow_active{${node},host="h1",disk="d2",serial="S2",path="/dev/sdb",step="awaiting_replacement",ticket="OPS-2"}`,
          values: "1x480",
        },
        {
          series:
            `bynar_workflow_step_since_timestamp_seconds{${node2},host="h2",disk="d6",step="awaiting_replacement"}`,
          values: "36000x480",
        },
        {
          series:
            `bynar_workflow_active{${node2},host="h2",disk="d6",serial="S6",path="/dev/sdc",step="awaiting_replacement",ticket="OPS-6"}`,
          values: "1x480",
        },
      ],
      alert_rule_test: [
        { eval_time: "71h", alertname: "BynarTicketOverSla", exp_alerts: [] },
        {
          eval_time: "73h",
          alertname: "BynarTicketOverSla",
          exp_alerts: [{
            exp_labels: {
              severity: "warning",
              host: "h1",
              disk: "d2",
              step: "awaiting_replacement",
              ticket: "OPS-2",
              serial: "S2",
              instance: "h1:9100",
              job: "node",
            },
          }],
        },
      ],
    },
    {
      interval: "1m",
      input_series: [
        // h1's last pass ended at t=0 and never again; h2 passes every minute.
        { series: `bynar_detect_pass_timestamp_seconds{${node},host="h1"}`, values: "0x120" },
        { series: `bynar_detect_pass_timestamp_seconds{${node2},host="h2"}`, values: "0+60x120" },
      ],
      alert_rule_test: [
        { eval_time: "62m", alertname: "BynarDetectorStalled", exp_alerts: [] },
        {
          eval_time: "70m",
          alertname: "BynarDetectorStalled",
          exp_alerts: [{
            exp_labels: { severity: "warning", host: "h1", instance: "h1:9100", job: "node" },
          }],
        },
      ],
    },
    {
      interval: "1m",
      input_series: [
        // h1: 2 refusals a minute from t=20m; h2: one every two minutes throughout.
        {
          series: `bynar_api_auth_failures_total{${dm},reason="token_expired"}`,
          values: "0x20 0+2x20",
        },
        {
          series: `bynar_api_auth_failures_total{${dm2},reason="bad_signature"}`,
          values: "0+0.5x40",
        },
      ],
      alert_rule_test: [
        { eval_time: "15m", alertname: "BynarApiAuthFailures", exp_alerts: [] },
        {
          eval_time: "35m",
          alertname: "BynarApiAuthFailures",
          exp_alerts: [{ exp_labels: { severity: "warning", instance: "h1:5556" } }],
        },
      ],
    },
    {
      interval: "1m",
      input_series: [
        { series: `bynar_api_audit_write_failures_total{${dm},kind="start"}`, values: "0x10 1x30" },
        { series: `bynar_api_audit_write_failures_total{${dm},kind="finish"}`, values: "0x40" },
        { series: `bynar_api_audit_write_failures_total{${dm2},kind="start"}`, values: "0x40" },
      ],
      alert_rule_test: [
        { eval_time: "8m", alertname: "BynarAuditWriteFailing", exp_alerts: [] },
        {
          eval_time: "15m",
          alertname: "BynarAuditWriteFailing",
          exp_alerts: [{
            exp_labels: {
              severity: "critical",
              instance: "h1:5556",
              job: "bynar-disk-manager",
              kind: "start",
            },
          }],
        },
      ],
    },
  ];
}

async function promtool(args: string[]): Promise<{ code: number; out: string }> {
  const r = await new Deno.Command("promtool", { args, stdout: "piped", stderr: "piped" }).output();
  const dec = new TextDecoder();
  return { code: r.code, out: dec.decode(r.stdout) + dec.decode(r.stderr) };
}

/** Alert names of a rules file. */
function alertNames(rules: string): string[] {
  return [...rules.matchAll(/^\s*- alert:\s*(\S+)\s*$/gm)].map((m) => m[1]!);
}

/** Writes a promtool unit-test file (JSON is YAML) for a rules file. */
async function writeUnitTests(dir: string, rulesFile: string, tests: TestGroup[]): Promise<string> {
  const path = `${dir}/bynar-alerts.test.yml`;
  await Deno.writeTextFile(
    path,
    JSON.stringify({ rule_files: [rulesFile], evaluation_interval: "1m", tests }, null, 1),
  );
  return path;
}

/** The annotations promtool must render for each firing case (the templates are tested too). */
const ANNOTATIONS: Record<string, Record<string, string>> = {
  BynarDiskFailing: {
    summary: "Disk serial:A on h1:9100 is failing",
    description: "bynar --check rates disk serial:A critical (SMART or filesystem). " +
      "The detector opens a replacement workflow once the state machine gives up on it.",
  },
  BynarDiskVanished: {
    summary: "Disk serial:V (serial V) vanished from h1:9100",
    description: "A disk Bynar knew is no longer attached (last seen at /dev/sdv).",
  },
  BynarWorkflowStuck: {
    summary: "Replacement of d1 on h1 stuck in removing",
    description: "The workflow has been in step removing for 7h 0m 0s without waiting for a " +
      "person or the removal budget. See `bynar detect --status`.",
  },
  BynarRemovalBudgetExhausted: {
    summary: "Disk d3 on h1 waits for the cluster's removal budget",
    description: "Every slot of max_concurrent_removals is taken (removals in progress or " +
      "destroyed OSDs awaiting their replacement). Replace the disks already removed, or raise " +
      "the budget.",
  },
  BynarTicketOverSla: {
    summary: "Ticket OPS-2 for disk S2 on h1 over its SLA",
    description: "The replacement ticket has been waiting 3d 1h 0m 0s (SLA 72 h).",
  },
  BynarDetectorStalled: {
    summary: "bynar detect on h1 has not finished a pass for an hour",
    description: "Check `systemctl status bynar-detect` and its journal.",
  },
  BynarApiAuthFailures: {
    summary: "The disk-manager on h1:5556 refused 20 requests in 10 minutes",
    description: "Expired or foreign tokens, or someone probing the API; see " +
      "bynar_api_auth_failures_total by reason.",
  },
  BynarAuditWriteFailing: {
    summary: "The disk-manager on h1:5556 cannot write its audit log (start records)",
    description: "A `start` failure refuses the request (503 audit_unavailable) until the " +
      "audit_log file can be appended to again (disk full, permissions); `finish` and `refusal` " +
      "failures mean records are missing from the log (the lost record is in the " +
      "disk-manager's journal).",
  },
};

/**
 * The test groups with the expected annotations on every firing case.
 *
 * @returns The groups.
 */
function withAnnotations(tests: TestGroup[]): TestGroup[] {
  return tests.map((g) => ({
    ...g,
    alert_rule_test: g.alert_rule_test.map((c) => ({
      ...c,
      exp_alerts: c.exp_alerts.map((a) => ({
        ...a,
        exp_annotations: ANNOTATIONS[c.alertname] ?? {},
      })),
    })),
  }));
}

/** Metric names the product renders (families, and a histogram's series). */
function exportedMetrics(): Set<string> {
  const names = new Set<string>();
  const add = (text: string) => {
    for (const m of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
      names.add(m[1]!);
      if (m[2] === "histogram") {
        for (const s of ["_bucket", "_sum", "_count"]) names.add(m[1]! + s);
      }
      if (m[2] === "summary") { for (const s of ["_sum", "_count"]) names.add(m[1]! + s); }
    }
  };
  add(new ApiMetrics().render());
  const wf = newWorkflow({
    key: "k",
    path: "/dev/sdb",
    serial: "S",
    wwn: null,
    model: null,
    state: "waiting_for_replacement",
    reason: "r",
    vanished: false,
    enteredWfrAt: null,
  }, { host: "h", approvalMode: "auto", now: new Date() });
  add(formatDetectPrometheus({
    host: "h",
    passAt: new Date(),
    active: [{ workflow: { ...wf, id: 1, attempt: 1 }, stepSince: wf.createdAt }],
    closed: [{ outcome: "replaced", seconds: 1 }],
  }));
  // The check's families (src/output/prometheus.ts and hardware.ts): `new Family("name", …`.
  for (const f of ["src/output/prometheus.ts", "src/output/hardware.ts"]) {
    const src = Deno.readTextFileSync(`${ROOT}${f}`);
    for (const m of src.matchAll(/"(bynar_[a-z_]+)"/g)) names.add(m[1]!);
  }
  return names;
}

/** Metric names a PromQL expression references (identifiers starting with `bynar_`). */
function referencedMetrics(expr: string): string[] {
  return [...expr.matchAll(/\b(bynar_[a-z_]+)\b/g)].map((m) => m[1]!);
}

Deno.test("prometheus rules: promtool check rules accepts the shipped file", async () => {
  const r = await promtool(["check", "rules", RULES]);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /SUCCESS: 8 rules found/);
});

Deno.test("prometheus rules: every alert fires and stays quiet as promtool test rules expects", async () => {
  const rules = await Deno.readTextFile(RULES);
  const names = alertNames(rules);
  const tests = withAnnotations(groups());
  // Each alert has a case where it fires and one where nothing fires.
  for (const n of names) {
    const cases = tests.flatMap((g) => g.alert_rule_test).filter((c) => c.alertname === n);
    assert.ok(cases.some((c) => c.exp_alerts.length > 0), `${n}: no firing case`);
    assert.ok(cases.some((c) => c.exp_alerts.length === 0), `${n}: no quiet case`);
  }
  const dir = await Deno.makeTempDir({ prefix: "bynar-promtool-" });
  try {
    // promtool compares labels and annotations of each firing alert exactly.
    const file = await writeUnitTests(dir, RULES, tests);
    const r = await promtool(["test", "rules", file]);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /SUCCESS/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("prometheus rules: a rule with the wrong threshold fails the unit tests", async (t) => {
  const rules = await Deno.readTextFile(RULES);
  const dir = await Deno.makeTempDir({ prefix: "bynar-promtool-" });
  try {
    // [case, alert whose unit tests must catch it, text in the rules, its replacement]
    const mutations: [string, string, string, string][] = [
      ["stuck after 8 h instead of 6 h", "BynarWorkflowStuck", "> 6 * 3600", "> 8 * 3600"],
      [
        "budget waits not excluded",
        "BynarWorkflowStuck",
        "unless on(host, disk) (bynar_workflow_waiting_for_budget == 1)",
        "",
      ],
      [
        "vanished without `for`",
        "BynarDiskVanished",
        "expr: bynar_disk_vanished == 1\n        for: 10m",
        "expr: bynar_disk_vanished == 1",
      ],
      ["SLA 96 h", "BynarTicketOverSla", "> 72 * 3600", "> 96 * 3600"],
      [
        "audit failures never",
        "BynarAuditWriteFailing",
        "increase(bynar_api_audit_write_failures_total[10m]) > 0",
        "increase(bynar_api_audit_write_failures_total[10m]) > 5",
      ],
    ];
    for (const [name, alert, from, to] of mutations) {
      await t.step(name, async () => {
        assert.ok(rules.includes(from), `the rules no longer contain: ${from}`);
        const mutated = `${dir}/mutated.yml`;
        await Deno.writeTextFile(mutated, rules.replace(from, to));
        const only = withAnnotations(groups()).filter((g) =>
          g.alert_rule_test.some((c) => c.alertname === alert)
        );
        const r = await promtool(["test", "rules", await writeUnitTests(dir, mutated, only)]);
        assert.notEqual(r.code, 0, `promtool accepted the mutated rules (${name})`);
        // The same subset passes against the shipped rules: the mutation is what fails.
        const shipped = await promtool(["test", "rules", await writeUnitTests(dir, RULES, only)]);
        assert.equal(shipped.code, 0, shipped.out);
      });
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("prometheus rules and dashboard: every metric named is one the product exports", async () => {
  const exported = exportedMetrics();
  const rules = await Deno.readTextFile(RULES);
  const exprs = [...rules.matchAll(/expr:\s*(>-\n(?:\s{10}.*\n)+|.*)/g)].map((m) => m[1]!);
  assert.equal(exprs.length, alertNames(rules).length);
  const dashboard = JSON.parse(await Deno.readTextFile(DASHBOARD)) as {
    panels: { title: string; targets?: { expr: string }[] }[];
  };
  const dashExprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((x) => x.expr));
  assert.ok(dashExprs.length >= 3);
  for (const expr of [...exprs, ...dashExprs]) {
    const refs = referencedMetrics(expr);
    assert.ok(refs.length > 0, `no Bynar metric in: ${expr}`);
    for (const m of refs) assert.ok(exported.has(m), `${m} is not exported (in: ${expr})`);
  }
  // Every dashboard expression parses: promtool checks them as recording rules.
  const dir = await Deno.makeTempDir({ prefix: "bynar-promtool-" });
  try {
    const file = `${dir}/dashboard-exprs.yml`;
    const rec = dashExprs.map((expr, i) => ({ record: `bynar:dashboard_expr_${i}`, expr }));
    await Deno.writeTextFile(file, JSON.stringify({ groups: [{ name: "dashboard", rules: rec }] }));
    const r = await promtool(["check", "rules", file]);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, new RegExp(`SUCCESS: ${dashExprs.length} rules found`));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
