/**
 * The decision that combines a disk's signals (pure): each fired signal adds points (weak 1,
 * strong 2, times its configured weight); the total escalates the disk from a warning to a
 * ticket without removal to a removal. A signal that keeps firing pass after pass adds a
 * point (a warning that does not go away becomes a ticket). Unknown readings never count:
 * they are listed in the evidence only.
 *
 * @module
 */
import type { SignalId, SignalReading } from "./types.ts";

/** What the detector does about a disk. */
export type DecisionLevel = "none" | "warn" | "ticket" | "remove";

/** Ordered levels, mildest first. */
export const LEVELS: readonly DecisionLevel[] = ["none", "warn", "ticket", "remove"];

/** Configuration of the decision (bynar.json `signals`). */
export interface DecisionConfig {
  /** Points needed for a ticket without removal. @default 2 */
  ticketAt?: number | undefined;
  /** Points needed for a removal. @default 4 */
  removeAt?: number | undefined;
  /** Weight of each signal (0 disables it). @default 1 each */
  weights?: Partial<Record<SignalId, number>> | undefined;
  /** Consecutive passes a signal must fire to add its persistence point. @default 3 */
  persistPasses?: number | undefined;
  /** Removal needs at least one strong signal. @default true */
  removalNeedsStrong?: boolean | undefined;
}

/** A decision with its evidence. */
export interface Decision {
  /** Disk key. */
  diskKey: string;
  /** What to do. */
  level: DecisionLevel;
  /** Points. */
  score: number;
  /** Signals that fired (and counted). */
  fired: SignalId[];
  /** Every reading behind it (fired, quiet and unknown). */
  evidence: SignalReading[];
  /** One sentence: the level, the points and the fired signals' reasons. */
  summary: string;
}

/**
 * Decides what to do about one disk from its readings (pure).
 *
 * @param diskKey The disk.
 * @param readings Its readings this pass.
 * @param options The configuration, and how many consecutive passes before this one each
 *   signal fired (from the stored decisions).
 * @returns The decision.
 */
export function decide(
  diskKey: string,
  readings: readonly SignalReading[],
  options: { config?: DecisionConfig; streaks?: Partial<Record<SignalId, number>> } = {},
): Decision {
  const cfg = options.config ?? {};
  const ticketAt = cfg.ticketAt ?? 2;
  const removeAt = cfg.removeAt ?? 4;
  const persist = cfg.persistPasses ?? 3;
  const mine = readings.filter((r) => r.diskKey === diskKey);
  let score = 0;
  let strong = false;
  const fired: SignalId[] = [];
  const parts: string[] = [];
  for (const r of mine) {
    const w = cfg.weights?.[r.signal] ?? 1;
    if (r.status !== "fired" || w <= 0) continue;
    let pts = (r.strength === "strong" ? 2 : 1) * w;
    if ((options.streaks?.[r.signal] ?? 0) + 1 >= persist) pts += 1;
    score += pts;
    strong ||= r.strength === "strong";
    if (!fired.includes(r.signal)) fired.push(r.signal);
    parts.push(`[${r.signal}, ${r.strength}, +${pts}] ${r.reason}`);
  }
  let level: DecisionLevel = fired.length === 0
    ? "none"
    : score >= removeAt
    ? "remove"
    : score >= ticketAt
    ? "ticket"
    : "warn";
  if (level === "remove" && (cfg.removalNeedsStrong ?? true) && !strong) level = "ticket";
  const unknown = mine.filter((r) => r.status === "unknown").map((r) => r.signal);
  const summary = level === "none"
    ? `No signal fired for disk ${diskKey}` +
      (unknown.length ? ` (unreadable, not counted: ${unknown.join(", ")})` : "")
    : `Disk ${diskKey}: ${level} (${score} points; ticket at ${ticketAt}, removal at ` +
      `${removeAt}) because ${parts.join("; ")}` +
      (unknown.length ? ` (unreadable, not counted: ${unknown.join(", ")})` : "");
  return { diskKey, level, score, fired, evidence: [...mine], summary };
}

/**
 * Counts, for each signal, how many of the latest decisions in a row it fired in (pure).
 *
 * @param previous Earlier decisions' fired signals, newest first.
 * @returns Consecutive passes per signal, up to the first decision it was absent from.
 */
export function streaksOf(
  previous: readonly (readonly SignalId[])[],
): Partial<Record<SignalId, number>> {
  const out: Partial<Record<SignalId, number>> = {};
  const open = new Set<SignalId>(previous[0] ?? []);
  for (const fired of previous) {
    for (const s of [...open]) {
      if (fired.includes(s)) out[s] = (out[s] ?? 0) + 1;
      else open.delete(s);
    }
  }
  return out;
}

/**
 * Renders a decision's evidence as ticket text (pure).
 *
 * @param decision The decision.
 * @returns Lines for a ticket description.
 */
export function evidenceText(decision: Decision): string {
  const lines = [
    `Bynar signals: ${decision.level} (${decision.score} points)`,
    ...decision.evidence.map((r) =>
      `- ${r.signal}: ${r.status}${r.status === "fired" ? ` (${r.strength})` : ""}` +
      `${r.value === null ? "" : `, value ${Number(r.value.toFixed(3))}`}: ${r.reason}`
    ),
  ];
  return lines.join("\n");
}
