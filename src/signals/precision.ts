/**
 * Precision of the signals (pure): every ticket or removal records which signals fired;
 * when its ticket ends, the outcome says whether the alarm was true (the disk was replaced
 * and the replacement verified) or false (won't do, or the same disk came back into
 * service). Precision = true alarms / (true + false alarms), per signal and per drive model.
 *
 * @module
 */
import { SIGNAL_IDS, type SignalId } from "./types.ts";

/** How a ticket ended, as the detector and the operators record it. */
export type TicketEnd = "replaced_verified" | "wont_do" | "same_disk_back";

/** A decided alarm with its outcome. */
export interface AlarmOutcome {
  /** Signals that fired for it. */
  signals: readonly SignalId[];
  /** Drive model, or null. */
  model: string | null;
  /** True or false alarm. */
  outcome: "true_alarm" | "false_alarm";
}

/** Counts and precision of one signal (or model). */
export interface PrecisionRow {
  /** Signal id or model name. */
  key: string;
  /** True alarms. */
  trueAlarms: number;
  /** False alarms. */
  falseAlarms: number;
  /** trueAlarms / (trueAlarms + falseAlarms), or null with no outcome yet. */
  precision: number | null;
}

/** Precision per signal, per model, and per signal within each model. */
export interface PrecisionReport {
  /** Alarms with an outcome. */
  total: number;
  /** Per signal (every known signal, in display order). */
  bySignal: PrecisionRow[];
  /** Per drive model (`unknown` when the model is not known). */
  byModel: PrecisionRow[];
  /** Per model and signal: key `model / signal`. */
  byModelSignal: PrecisionRow[];
}

/**
 * Says whether a ticket's end makes its alarm true or false (pure).
 *
 * @param end How the ticket ended.
 * @returns The outcome.
 */
export function classifyEnd(end: TicketEnd): "true_alarm" | "false_alarm" {
  return end === "replaced_verified" ? "true_alarm" : "false_alarm";
}

function row(key: string, t: number, f: number): PrecisionRow {
  return { key, trueAlarms: t, falseAlarms: f, precision: t + f === 0 ? null : t / (t + f) };
}

/**
 * Computes precision per signal and per model (pure).
 *
 * @param outcomes Every alarm with an outcome.
 * @returns The report.
 */
export function precisionReport(outcomes: readonly AlarmOutcome[]): PrecisionReport {
  const tally = (keyOf: (o: AlarmOutcome) => string[]) => {
    const m = new Map<string, [number, number]>();
    for (const o of outcomes) {
      for (const k of keyOf(o)) {
        const c = m.get(k) ?? [0, 0];
        c[o.outcome === "true_alarm" ? 0 : 1]++;
        m.set(k, c);
      }
    }
    return m;
  };
  const sig = tally((o) => [...new Set(o.signals)]);
  const mod = tally((o) => [o.model ?? "unknown"]);
  const both = tally((o) => [...new Set(o.signals)].map((s) => `${o.model ?? "unknown"} / ${s}`));
  return {
    total: outcomes.length,
    bySignal: SIGNAL_IDS.map((s) => row(s, sig.get(s)?.[0] ?? 0, sig.get(s)?.[1] ?? 0)),
    byModel: [...mod.keys()].sort().map((k) => row(k, mod.get(k)![0], mod.get(k)![1])),
    byModelSignal: [...both.keys()].sort().map((k) => row(k, both.get(k)![0], both.get(k)![1])),
  };
}

/**
 * Renders the report as text tables (pure).
 *
 * @param report The report.
 * @returns The text (no trailing newline).
 */
export function formatPrecision(report: PrecisionReport): string {
  const table = (title: string, rows: PrecisionRow[]) => {
    const head = [title, "TRUE", "FALSE", "PRECISION"];
    const body = rows.map((r) => [
      r.key,
      String(r.trueAlarms),
      String(r.falseAlarms),
      r.precision === null ? "-" : `${(r.precision * 100).toFixed(1)}%`,
    ]);
    const w = head.map((_, i) => Math.max(...[head, ...body].map((l) => l[i]!.length)));
    return [head, ...body].map((l) => l.map((c, i) => c.padEnd(w[i]!)).join("  ").trimEnd())
      .join("\n");
  };
  return [
    `Alarms with an outcome: ${report.total}`,
    "",
    table("SIGNAL", report.bySignal),
    "",
    table("MODEL", report.byModel),
    "",
    table("MODEL / SIGNAL", report.byModelSignal),
  ].join("\n");
}
