/**
 * SMART trends from the check history (pure): growth of the ATA counters that predict
 * failure (5 reallocated, 187 reported uncorrectable, 197 pending, 198 offline
 * uncorrectable) and of the NVMe media errors between checks, and the slope of NVMe
 * `percentage_used` turned into a predicted wear-out date.
 *
 * A single SMART check judges absolute values against thresholds; a trend fires earlier:
 * a disk whose pending sectors grow at every check is failing even while below them.
 *
 * @module
 */
import { reading, type SignalReading } from "./types.ts";

/** One stored check's counters (a row of `check_results`). */
export interface CounterSample {
  /** Check time (ISO). */
  checkedAt: string;
  /** ATA 5 raw. */
  reallocated: number | null;
  /** ATA 197 raw. */
  pending: number | null;
  /** ATA 198 raw. */
  offlineUncorrectable: number | null;
  /** ATA 187 raw. */
  reportedUncorrectable: number | null;
  /** NVMe media and data integrity errors (decimal string, 128-bit). */
  mediaErrors: string | null;
  /** NVMe percentage used (may exceed 100). */
  percentageUsed: number | null;
}

/** Thresholds of the trend signals. */
export interface TrendConfig {
  /** How far back growth is measured, in days. @default 7 */
  windowDays?: number | undefined;
  /** Growth (sum over the counters) that makes the signal strong alone. @default 10 */
  strongGrowth?: number | undefined;
  /** Fire when the predicted wear-out is within this many days. @default 180 */
  wearoutWarnDays?: number | undefined;
  /** Strong when the predicted wear-out is within this many days. @default 30 */
  wearoutStrongDays?: number | undefined;
  /** Minimum history span for a slope, in days. @default 3 */
  minSlopeSpanDays?: number | undefined;
}

const DAY = 86_400_000;

const COUNTERS: { key: keyof CounterSample; label: string }[] = [
  { key: "reallocated", label: "reallocated sectors (ATA 5)" },
  { key: "reportedUncorrectable", label: "reported uncorrectable (ATA 187)" },
  { key: "pending", label: "pending sectors (ATA 197)" },
  { key: "offlineUncorrectable", label: "offline uncorrectable (ATA 198)" },
  { key: "mediaErrors", label: "NVMe media errors" },
];

function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * Judges the growth of the failure counters over the window (pure).
 *
 * @param diskKey The disk.
 * @param history Its checks, in any order.
 * @param options Thresholds and the time of the reading.
 * @returns The `smart_counter_growth` reading.
 */
export function counterGrowth(
  diskKey: string,
  history: readonly CounterSample[],
  options: TrendConfig & { now: Date },
): SignalReading {
  const windowMs = (options.windowDays ?? 7) * DAY;
  const since = options.now.getTime() - windowMs;
  const sorted = [...history]
    .filter((h) => Date.parse(h.checkedAt) <= options.now.getTime())
    .sort((a, b) => Date.parse(a.checkedAt) - Date.parse(b.checkedAt));
  // The window's checks, with the last check before it as the baseline.
  const first = sorted.findIndex((h) => Date.parse(h.checkedAt) >= since);
  const rows = first < 0 ? [] : sorted.slice(Math.max(0, first - 1));
  const tracked = COUNTERS.filter((c) => rows.filter((r) => num(r[c.key]) !== null).length >= 2);
  if (tracked.length === 0) {
    return reading("smart_counter_growth", diskKey, {
      status: "unknown",
      reason: `Disk ${diskKey} has fewer than two checks with SMART failure counters in the ` +
        `last ${options.windowDays ?? 7} days: no trend can be measured yet (it needs ` +
        "`bynar --check` runs recorded in the database)",
    });
  }
  let total = 0;
  let risingSteps = 0;
  const parts: string[] = [];
  for (const c of tracked) {
    const vals = rows.map((r) => num(r[c.key])).filter((v): v is number => v !== null);
    let growth = 0;
    for (let i = 1; i < vals.length; i++) {
      const d = vals[i]! - vals[i - 1]!;
      // A counter that went down was reset (a new disk or a secure erase): not growth.
      if (d > 0) {
        growth += d;
        risingSteps++;
      }
    }
    if (growth > 0) parts.push(`${c.label} +${growth} (${vals[0]} -> ${vals[vals.length - 1]})`);
    total += growth;
  }
  const days = options.windowDays ?? 7;
  if (total === 0) {
    return reading("smart_counter_growth", diskKey, {
      status: "quiet",
      value: 0,
      reason: `No SMART failure counter of disk ${diskKey} grew over ${rows.length} checks ` +
        `in the last ${days} days`,
    });
  }
  const strong = total >= (options.strongGrowth ?? 10) || risingSteps >= 3;
  return reading("smart_counter_growth", diskKey, {
    status: "fired",
    strength: strong ? "strong" : "weak",
    value: total,
    reason: `SMART failure counters of disk ${diskKey} grew over ${rows.length} checks in the ` +
      `last ${days} days: ${parts.join(", ")}` +
      (strong ? `; growing at ${risingSteps} checks, a failing disk` : "; watch it") +
      ": plan its replacement",
  });
}

/**
 * Fits NVMe `percentage_used` over time (least squares) and predicts the day it reaches
 * 100 % (pure).
 *
 * @param diskKey The disk.
 * @param history Its checks, in any order.
 * @param options Thresholds and the time of the reading.
 * @returns The `nvme_wearout` reading; `value` is the days left (0 when worn out).
 */
export function wearoutPrediction(
  diskKey: string,
  history: readonly CounterSample[],
  options: TrendConfig & { now: Date },
): SignalReading {
  const pts = history
    .filter((h) => h.percentageUsed !== null)
    .map((h) => ({ t: Date.parse(h.checkedAt), y: h.percentageUsed! }))
    .filter((p) => Number.isFinite(p.t) && p.t <= options.now.getTime())
    .sort((a, b) => a.t - b.t);
  if (pts.length === 0) {
    return reading("nvme_wearout", diskKey, {
      status: "unknown",
      reason: `Disk ${diskKey} has no recorded NVMe percentage_used: no wear-out prediction`,
    });
  }
  const last = pts[pts.length - 1]!;
  if (last.y >= 100) {
    return reading("nvme_wearout", diskKey, {
      status: "fired",
      strength: "strong",
      value: 0,
      reason: `NVMe disk ${diskKey} reports ${last.y}% of its rated endurance used ` +
        `(percentage_used at ${new Date(last.t).toISOString()}): it is worn out, replace it`,
    });
  }
  const span = (last.t - pts[0]!.t) / DAY;
  const minSpan = options.minSlopeSpanDays ?? 3;
  if (pts.length < 2 || span < minSpan) {
    return reading("nvme_wearout", diskKey, {
      status: "unknown",
      reason: `Disk ${diskKey} has ${pts.length} percentage_used sample(s) over ` +
        `${span.toFixed(1)} days; a wear-out slope needs at least ${minSpan} days`,
    });
  }
  const n = pts.length;
  const mt = pts.reduce((s, p) => s + p.t, 0) / n;
  const my = pts.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of pts) {
    sxy += (p.t - mt) * (p.y - my);
    sxx += (p.t - mt) ** 2;
  }
  const slopePerDay = sxx === 0 ? 0 : (sxy / sxx) * DAY;
  if (slopePerDay <= 0) {
    return reading("nvme_wearout", diskKey, {
      status: "quiet",
      value: null,
      reason: `NVMe disk ${diskKey} percentage_used stayed at ${last.y}% over ` +
        `${span.toFixed(0)} days: no wear-out in sight`,
    });
  }
  const fitNow = my + (slopePerDay / DAY) * (options.now.getTime() - mt);
  const daysLeft = Math.max(0, (100 - fitNow) / slopePerDay);
  const date = new Date(options.now.getTime() + daysLeft * DAY).toISOString().slice(0, 10);
  const warn = options.wearoutWarnDays ?? 180;
  const strongDays = options.wearoutStrongDays ?? 30;
  const text = `NVMe disk ${diskKey} uses ${slopePerDay.toFixed(2)}% of its endurance per day ` +
    `(percentage_used ${pts[0]!.y}% -> ${last.y}% over ${span.toFixed(0)} days): predicted ` +
    `worn out on ${date}, in ${Math.round(daysLeft)} days`;
  if (daysLeft > warn) {
    return reading("nvme_wearout", diskKey, { status: "quiet", value: daysLeft, reason: text });
  }
  return reading("nvme_wearout", diskKey, {
    status: "fired",
    strength: daysLeft <= strongDays ? "strong" : "weak",
    value: daysLeft,
    reason: `${text}; order its replacement`,
  });
}
