/**
 * The pure transition table of the disk-health machine and the step planner.
 *
 * Each non-terminal state has exactly one step (a check or an action). The step reports
 * an outcome; the table maps `(state, outcome)` to the next state. The outcome `hold`
 * is valid for every step: the disk stays where it is and the pass ends for it (the
 * reason is stored, and a bounded number of holds leads to replacement, B-11).
 *
 * No I/O here.
 *
 * @module
 */
import type { DiskState } from "./states.ts";

/** The steps the machine can run. */
export type StepName =
  | "smart"
  | "inspect"
  | "mount"
  | "write_test"
  | "remount"
  | "diagnose"
  | "fsck"
  | "repair"
  | "recheck"
  | "reformat"
  | "mark_for_replacement"
  | "await_replacement";

/** One edge of the machine. */
export interface Transition {
  /** Source state. */
  from: DiskState;
  /** The step run in `from`. */
  step: StepName;
  /** The step outcome that selects this edge. */
  on: string;
  /** Target state. */
  to: DiskState;
}

/** The outcome every step may report: stay, store the reason, end the pass for this disk. */
export const HOLD = "hold";

/**
 * The outcome every step may report when Bynar itself could not do the step — its own
 * sandbox refused it (`Deno.errors.NotCapable`), or the filesystem cannot be tested the
 * way Bynar tests it. Nothing was learnt about the disk: it stays where it is with the
 * reason (a Bynar configuration problem and its fix), the pass ends for it, and — unlike
 * {@linkcode HOLD} — it never counts toward the "stuck" budget, so it can never lead to
 * replacement.
 */
export const UNKNOWN_OUTCOME = "unknown_to_bynar";

function t(from: DiskState, step: StepName, on: string, to: DiskState): Transition {
  return { from, step, on, to };
}

/** Every edge of the machine, most to least ideal per state. */
export const TRANSITIONS: readonly Transition[] = Object.freeze([
  t("unscanned", "smart", "pass", "scanned"),
  t("unscanned", "smart", "unknown", "scanned"),
  t("unscanned", "smart", "fail", "worn_out"),
  t("scanned", "inspect", "smart_only", "good"),
  t("scanned", "inspect", "mounted_rw", "mounted"),
  t("scanned", "inspect", "unmounted", "not_mounted"),
  t("scanned", "inspect", "mounted_ro", "read_only"),
  t("not_mounted", "mount", "mounted", "mounted"),
  t("not_mounted", "mount", "corrupt", "corrupt"),
  t("not_mounted", "mount", "failed", "mount_failed"),
  t("mounted", "write_test", "ok", "good"),
  t("mounted", "write_test", "full", "good"),
  t("mounted", "write_test", "failed", "write_failed"),
  t("read_only", "remount", "ok", "mounted"),
  t("read_only", "remount", "failed", "mount_failed"),
  t("write_failed", "diagnose", "read_only", "read_only"),
  t("write_failed", "diagnose", "corrupt", "corrupt"),
  t("write_failed", "diagnose", "clean", "worn_out"),
  t("mount_failed", "fsck", "corrupt", "corrupt"),
  t("corrupt", "repair", "ok", "repaired"),
  t("corrupt", "repair", "failed", "repair_failed"),
  t("repaired", "recheck", "ok", "unscanned"),
  t("repair_failed", "reformat", "ok", "reformatted"),
  t("repair_failed", "reformat", "failed", "reformat_failed"),
  t("repair_failed", "reformat", "refused", "waiting_for_replacement"),
  t("reformatted", "recheck", "ok", "unscanned"),
  t("reformat_failed", "mark_for_replacement", "ok", "waiting_for_replacement"),
  t("worn_out", "mark_for_replacement", "ok", "waiting_for_replacement"),
  t("waiting_for_replacement", "await_replacement", "back", "unscanned"),
  t("waiting_for_replacement", "await_replacement", "replaced", "replaced"),
]);

const STEP_OF = new Map<DiskState, StepName>();
for (const e of TRANSITIONS) STEP_OF.set(e.from, e.step);

/**
 * Returns the step run in a state.
 *
 * @param state The state.
 * @returns The step, or null for states without one (`good`, `replaced`).
 */
export function stepFor(state: DiskState): StepName | null {
  return STEP_OF.get(state) ?? null;
}

/** Where an outcome leads. */
export type OutcomeResult =
  | { kind: "advance"; to: DiskState }
  | { kind: "hold" }
  | { kind: "unknown" };

/**
 * Applies a step outcome to a state.
 *
 * @param state The current state.
 * @param outcome The outcome the state's step reported.
 * @returns The next state, `hold`, or `unknown` (Bynar could not run the step).
 * @throws {RangeError} When the outcome is not valid for the state's step.
 */
export function applyOutcome(state: DiskState, outcome: string): OutcomeResult {
  if (outcome === HOLD) return { kind: "hold" };
  if (outcome === UNKNOWN_OUTCOME) return { kind: "unknown" };
  const edge = TRANSITIONS.find((e) => e.from === state && e.on === outcome);
  if (!edge) {
    throw new RangeError(`Cannot apply outcome "${outcome}" in state "${state}": no such edge`);
  }
  return { kind: "advance", to: edge.to };
}

/** Limits of the attempt budget (B-11). */
export interface BudgetLimits {
  /**
   * Steps at most per disk and pass.
   * @default 24
   */
  maxStepsPerPass: number;
  /**
   * Repairs at most per disk and pass (a second corruption in the same pass gives up).
   * @default 1
   */
  maxRepairsPerPass: number;
  /**
   * Repairs at most per disk within {@linkcode BudgetLimits.windowMs}.
   * @default 3
   */
  maxRepairs: number;
  /**
   * Reformats at most per disk within {@linkcode BudgetLimits.windowMs}.
   * @default 1
   */
  maxReformats: number;
  /**
   * Consecutive passes a disk may end on `hold` before it goes to replacement.
   * @default 3
   */
  maxHolds: number;
  /**
   * Remounts at most per disk and pass.
   * @default 1
   */
  maxRemountsPerPass: number;
  /**
   * The window of the per-disk budget, in milliseconds.
   * @default 30 days
   */
  windowMs: number;
}

/** The default budget. */
export const DEFAULT_LIMITS: Readonly<BudgetLimits> = Object.freeze({
  maxStepsPerPass: 24,
  maxRepairsPerPass: 1,
  maxRepairs: 3,
  maxReformats: 1,
  maxHolds: 3,
  maxRemountsPerPass: 1,
  windowMs: 30 * 24 * 3600 * 1000,
});

/** What has been spent so far. */
export interface BudgetUse {
  /** Steps run in this pass. */
  stepsThisPass: number;
  /** Steps run in this pass, by name. */
  thisPass: Partial<Record<StepName, number>>;
  /** Successful repairs within the window (from history). */
  repairsInWindow: number;
  /** Reformats within the window (from history). */
  reformatsInWindow: number;
  /** Consecutive passes that ended on hold. */
  holds: number;
}

/** What to do next. */
export type StepPlan =
  | { kind: "run"; step: StepName }
  | { kind: "stop" }
  | { kind: "give_up"; to: "waiting_for_replacement"; reason: string };

/**
 * Plans the next step for a disk, enforcing the attempt budget.
 *
 * @param state The current state.
 * @param use What has been spent.
 * @param limits The budget.
 * @returns Run a step, stop (terminal state), or give up to replacement with a reason.
 */
export function planStep(state: DiskState, use: BudgetUse, limits: BudgetLimits): StepPlan {
  const step = stepFor(state);
  if (step === null || state === "good") return { kind: "stop" };
  const giveUp = (reason: string): StepPlan => ({
    kind: "give_up",
    to: "waiting_for_replacement",
    reason: `Gave up in state "${state}": ${reason}`,
  });
  if (state === "waiting_for_replacement") return { kind: "run", step };
  if (use.holds >= limits.maxHolds) {
    return giveUp(`the disk stayed stuck for ${use.holds} passes`);
  }
  if (use.stepsThisPass >= limits.maxStepsPerPass) {
    return giveUp(`${use.stepsThisPass} steps in one pass (limit ${limits.maxStepsPerPass})`);
  }
  const inPass = use.thisPass[step] ?? 0;
  if (step === "repair") {
    if (inPass >= limits.maxRepairsPerPass) {
      return giveUp(`the filesystem is corrupt again after ${inPass} repair(s) in this pass`);
    }
    if (use.repairsInWindow >= limits.maxRepairs) {
      return giveUp(
        `already repaired ${use.repairsInWindow} times within ${windowText(limits.windowMs)}`,
      );
    }
  }
  if (step === "reformat" && use.reformatsInWindow >= limits.maxReformats) {
    return giveUp(
      `already reformatted ${use.reformatsInWindow} times within ${windowText(limits.windowMs)}`,
    );
  }
  if (step === "remount" && inPass >= limits.maxRemountsPerPass) {
    return giveUp(`read-only again after ${inPass} remount(s) in this pass`);
  }
  if (step === "mount" && inPass >= 2) {
    return giveUp(`mounted ${inPass} times in this pass`);
  }
  return { kind: "run", step };
}

function windowText(ms: number): string {
  const days = ms / (24 * 3600 * 1000);
  return Number.isInteger(days) ? `${days} day(s)` : `${Math.round(ms / 1000)} s`;
}

/**
 * Chooses where a new pass starts for a disk.
 *
 * `good` and observation states (`scanned`, `mounted`, `read_only`, …) start again at
 * `unscanned`; progress states (`corrupt`, `repair_failed`, …) resume where they were.
 *
 * @param stored The stored state.
 * @param resumable The states that resume.
 * @returns The start state.
 */
export function startState(stored: DiskState, resumable: ReadonlySet<DiskState>): DiskState {
  return resumable.has(stored) ? stored : "unscanned";
}
