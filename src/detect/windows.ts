/**
 * Maintenance windows and the freeze: when destructive actions (removal, add) may run.
 * Pure; the caller says whether the freeze file exists.
 *
 * @module
 */
import type { DestructiveGate } from "./types.ts";

/** A weekly window, as in bynar.json `maintenance_windows`. */
export interface MaintenanceWindow {
  /** Days of week, 0 = Sunday … 6 = Saturday (the day the window starts). */
  days: readonly number[];
  /** Start `HH:MM`, host local time. */
  start: string;
  /** End `HH:MM`; at or before `start` means the window ends the next day. */
  end: string;
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * Tells whether a local time falls inside one window.
 *
 * @param now The time (its local day and time are used).
 * @param w The window.
 * @returns True inside.
 */
export function inWindow(now: Date, w: MaintenanceWindow): boolean {
  const day = now.getDay();
  const t = now.getHours() * 60 + now.getMinutes();
  const s = minutes(w.start);
  const e = minutes(w.end);
  if (e > s) return w.days.includes(day) && t >= s && t < e;
  // Wraps midnight (or a full day when start == end).
  const yesterday = (day + 6) % 7;
  return (w.days.includes(day) && t >= s) || (w.days.includes(yesterday) && t < e);
}

/**
 * Decides whether destructive actions may run now.
 *
 * @param now The time.
 * @param options The configured windows (empty = always) and whether the freeze file exists.
 * @returns The gate.
 */
export function destructiveGate(
  now: Date,
  options: { windows: readonly MaintenanceWindow[]; frozen: boolean; freezeFile?: string },
): DestructiveGate {
  if (options.frozen) {
    return { allowed: false, reason: `frozen (${options.freezeFile ?? "freeze file"} exists)` };
  }
  if (options.windows.length === 0 || options.windows.some((w) => inWindow(now, w))) {
    return { allowed: true, reason: "" };
  }
  const list = options.windows.map((w) => `${w.days.join(",")} ${w.start}-${w.end}`).join("; ");
  return { allowed: false, reason: `outside the maintenance windows (${list})` };
}
