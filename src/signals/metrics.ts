/**
 * Prometheus exposition of the signals (pure): each reading (fired, value), each disk's
 * decision level, and the alarm counts and precision per signal and per model.
 *
 * @module
 */
import { type Decision, LEVELS } from "./decision.ts";
import type { PrecisionReport } from "./precision.ts";
import type { SignalReading } from "./types.ts";

function esc(v: string): string {
  return v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/**
 * Renders the metrics (pure).
 *
 * @param input The latest readings and decisions, and the precision report.
 * @returns Exposition text (ends with a newline).
 */
export function renderSignalMetrics(input: {
  readings?: readonly SignalReading[];
  decisions?: readonly Decision[];
  precision?: PrecisionReport;
}): string {
  const out: string[] = [];
  const readings = input.readings ?? [];
  if (readings.length) {
    out.push(
      "# HELP bynar_signal_fired Whether a signal fired for a disk (1), is quiet (0) or could not be read (-1).",
      "# TYPE bynar_signal_fired gauge",
    );
    for (const r of readings) {
      const v = r.status === "fired" ? 1 : r.status === "quiet" ? 0 : -1;
      out.push(`bynar_signal_fired{signal="${r.signal}",disk="${esc(r.diskKey)}"} ${v}`);
    }
    out.push(
      "# HELP bynar_signal_value The value a signal measured for a disk (count, rate, ms or days).",
      "# TYPE bynar_signal_value gauge",
    );
    for (const r of readings) {
      if (r.value === null || !Number.isFinite(r.value)) continue;
      out.push(`bynar_signal_value{signal="${r.signal}",disk="${esc(r.diskKey)}"} ${r.value}`);
    }
  }
  if (input.decisions?.length) {
    out.push(
      "# HELP bynar_signal_decision_level Decision for a disk: 0 none, 1 warn, 2 ticket, 3 removal.",
      "# TYPE bynar_signal_decision_level gauge",
    );
    for (const d of input.decisions) {
      out.push(`bynar_signal_decision_level{disk="${esc(d.diskKey)}"} ${LEVELS.indexOf(d.level)}`);
    }
  }
  const p = input.precision;
  if (p) {
    out.push(
      "# HELP bynar_signal_alarms Alarms with an outcome, per signal.",
      "# TYPE bynar_signal_alarms gauge",
    );
    for (const r of p.bySignal) {
      out.push(`bynar_signal_alarms{signal="${r.key}",outcome="true"} ${r.trueAlarms}`);
      out.push(`bynar_signal_alarms{signal="${r.key}",outcome="false"} ${r.falseAlarms}`);
    }
    out.push(
      "# HELP bynar_signal_precision True alarms / alarms with an outcome, per signal.",
      "# TYPE bynar_signal_precision gauge",
    );
    for (const r of p.bySignal) {
      if (r.precision !== null) {
        out.push(`bynar_signal_precision{signal="${r.key}"} ${r.precision}`);
      }
    }
    out.push(
      "# HELP bynar_model_alarm_precision True alarms / alarms with an outcome, per drive model.",
      "# TYPE bynar_model_alarm_precision gauge",
    );
    for (const r of p.byModel) {
      if (r.precision !== null) {
        out.push(`bynar_model_alarm_precision{model="${esc(r.key)}"} ${r.precision}`);
      }
    }
  }
  return out.length ? out.join("\n") + "\n" : "";
}
