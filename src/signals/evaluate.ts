/**
 * One signal pass: reads every source for the host's disks, decides each disk and stores
 * every decision that is not `none` with its evidence (through a port: the store).
 *
 * @module
 */
import { decide, type Decision, type DecisionConfig, streaksOf } from "./decision.ts";
import {
  reading,
  type SignalDisk,
  type SignalId,
  type SignalReading,
  type SignalSource,
} from "./types.ts";

/** Where decisions go and where the recent ones come from (the store). */
export interface DecisionStorePort {
  /**
   * Stores a decision (not `none`).
   *
   * @returns The row id, or null when not stored.
   */
  record(decision: Decision, options: { model: string | null; now: Date }): number | null;
  /**
   * The disk's latest decisions, newest first.
   *
   * @returns Their fired signals and time.
   */
  decisions(
    options: { diskKey: string; limit: number },
  ): { fired: SignalId[]; decidedAt: string }[];
}

/** The result of a pass. */
export interface SignalPass {
  /** Every reading. */
  readings: SignalReading[];
  /** Each disk's decision, with the stored row id (null: `none`, not stored). */
  decisions: (Decision & { id: number | null })[];
}

/**
 * Runs one signal pass (reads, decides, stores).
 *
 * @param disks The disks of this host.
 * @param deps Sources, configuration, store, time.
 * @returns Readings and decisions.
 */
export async function runSignalPass(
  disks: readonly SignalDisk[],
  deps: {
    sources: readonly SignalSource[];
    config?: DecisionConfig;
    store: DecisionStorePort;
    now: Date;
    /** Decisions older than this many hours do not continue a streak. @default 24 */
    streakHours?: number;
  },
): Promise<SignalPass> {
  const readings: SignalReading[] = [];
  for (const src of deps.sources) {
    try {
      readings.push(...await src.read(disks, deps.now));
    } catch (err) {
      for (const d of disks) {
        for (const s of src.signals) {
          readings.push(reading(s, d.diskKey, {
            status: "unknown",
            reason: `The ${s} source failed for /dev/${d.name}: ${(err as Error).message}`,
          }));
        }
      }
    }
  }
  const cutoff = deps.now.getTime() - (deps.streakHours ?? 24) * 3_600_000;
  const decisions = disks.map((d) => {
    const previous = deps.store.decisions({ diskKey: d.diskKey, limit: 20 })
      .filter((p) => Date.parse(p.decidedAt) >= cutoff)
      .map((p) => p.fired);
    const decision = decide(d.diskKey, readings, {
      ...(deps.config ? { config: deps.config } : {}),
      streaks: streaksOf(previous),
    });
    const id = deps.store.record(decision, { model: d.model, now: deps.now });
    return { ...decision, id };
  });
  return { readings, decisions };
}
