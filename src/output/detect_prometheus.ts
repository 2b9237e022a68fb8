/**
 * Prometheus text exposition of the detector's replacement workflows (`bynar_detect.prom`
 * in node_exporter's textfile directory, written after every pass): which step each
 * workflow is at and since when, whether it waits for the cluster's removal budget, and the
 * replacement lead time of the closed ones. The alert rules shipped in
 * `/usr/share/bynar/prometheus/bynar-alerts.yml` and the fleet dashboard read these names.
 *
 * Pure: data in, text out.
 *
 * @module
 */
import type { Workflow } from "../detect/records.ts";
import { escapeLabel } from "./prometheus.ts";

/**
 * The phrase the Ceph backend's removal budget puts in a refusal (`decideBudget`,
 * `backend/ceph/lease.ts`); a safety answer carrying it means the workflow waits for a slot.
 */
export const BUDGET_EXHAUSTED_PHRASE = "removal budget exhausted";

/** Upper bounds (seconds) of the lead-time histogram: 1 h … 30 days. */
export const LEAD_TIME_BUCKETS: readonly number[] = [
  3600,
  4 * 3600,
  12 * 3600,
  86400,
  2 * 86400,
  4 * 86400,
  7 * 86400,
  14 * 86400,
  30 * 86400,
];

/** One active workflow with the time its current step began. */
export interface ActiveWorkflowFact {
  /** The workflow. */
  workflow: Workflow;
  /** When the current step began (ISO); from the journal (`DetectRepo.stepSince`). */
  stepSince: string;
}

/** A closed workflow's outcome and lead time. */
export interface ClosedWorkflowFact {
  /** `replaced`, `wont_do`, `disk_back`, `same_disk`, `rejected`, `cancelled` … */
  outcome: string;
  /** Detection to close, seconds. */
  seconds: number;
}

/** What {@linkcode formatDetectPrometheus} renders. */
export interface DetectMetricsInput {
  /** This host. */
  host: string;
  /** When the pass ended. */
  passAt: Date;
  /** The active workflows. */
  active: readonly ActiveWorkflowFact[];
  /** Every closed workflow of this host (the database keeps them, so the counts only grow). */
  closed: readonly ClosedWorkflowFact[];
}

/**
 * Whether a workflow's last safety answer was a refusal by the cluster's removal budget.
 *
 * @param wf The workflow.
 * @returns True when it waits for a budget slot.
 */
export function waitingForBudget(wf: Workflow): boolean {
  return wf.removal === "pending" && wf.safety !== null && !wf.safety.safe &&
    wf.safety.reason.includes(BUDGET_EXHAUSTED_PHRASE);
}

function line(name: string, labels: Record<string, string>, value: number): string {
  const l = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(",");
  return `${name}{${l}} ${value}`;
}

function header(name: string, type: string, help: string): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`];
}

/**
 * Formats the detector's metrics in the Prometheus text exposition format.
 *
 * @param input Host, pass time, active and closed workflows.
 * @returns The exposition text.
 */
export function formatDetectPrometheus(input: DetectMetricsInput): string {
  const host = input.host;
  const out: string[] = [];
  const secs = (iso: string): number => Math.floor(Date.parse(iso) / 1000);
  out.push(
    ...header(
      "bynar_detect_pass_timestamp_seconds",
      "gauge",
      "Unix time the detector's last pass ended.",
    ),
  );
  out.push(line("bynar_detect_pass_timestamp_seconds", { host }, secs(input.passAt.toISOString())));
  out.push(
    ...header(
      "bynar_workflow_active",
      "gauge",
      "An active replacement workflow (value 1), labelled with its current step.",
    ),
  );
  for (const { workflow: w } of input.active) {
    out.push(line("bynar_workflow_active", {
      host,
      disk: w.diskKey,
      serial: w.serial,
      path: w.path,
      step: w.step,
      ticket: w.ticketKey ?? "",
    }, 1));
  }
  out.push(
    ...header(
      "bynar_workflow_step_since_timestamp_seconds",
      "gauge",
      "Unix time the workflow entered its current step.",
    ),
  );
  for (const a of input.active) {
    out.push(line("bynar_workflow_step_since_timestamp_seconds", {
      host,
      disk: a.workflow.diskKey,
      step: a.workflow.step,
    }, secs(a.stepSince)));
  }
  out.push(
    ...header(
      "bynar_workflow_waiting_for_budget",
      "gauge",
      "1 when the workflow's last safety answer was a refusal by the cluster's removal budget.",
    ),
  );
  for (const { workflow: w } of input.active) {
    out.push(
      line(
        "bynar_workflow_waiting_for_budget",
        { host, disk: w.diskKey },
        waitingForBudget(w) ? 1 : 0,
      ),
    );
  }
  const outcomes = new Map<string, number>();
  for (const c of input.closed) outcomes.set(c.outcome, (outcomes.get(c.outcome) ?? 0) + 1);
  out.push(
    ...header(
      "bynar_workflows_closed_total",
      "counter",
      "Closed replacement workflows by outcome.",
    ),
  );
  for (const [outcome, n] of [...outcomes].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(line("bynar_workflows_closed_total", { host, outcome }, n));
  }
  const replaced = input.closed.filter((c) => c.outcome === "replaced").map((c) => c.seconds);
  const hist = "bynar_replacement_lead_time_seconds";
  out.push(
    ...header(hist, "histogram", "Detection to replacement in service, of replaced disks."),
  );
  for (const le of LEAD_TIME_BUCKETS) {
    out.push(
      line(`${hist}_bucket`, { host, le: String(le) }, replaced.filter((s) => s <= le).length),
    );
  }
  out.push(line(`${hist}_bucket`, { host, le: "+Inf" }, replaced.length));
  out.push(line(`${hist}_sum`, { host }, replaced.reduce((a, b) => a + b, 0)));
  out.push(line(`${hist}_count`, { host }, replaced.length));
  return out.join("\n") + "\n";
}
