/**
 * The weigh-in step planner (pure): decides, from one observation of the cluster, whether
 * to hold, take the next CRUSH weight step, or stop.
 *
 * The original (spec §12.7) stepped by a fixed `increment` (0.01 → 100 steps to 1.0) and
 * ran a 5-second `rados bench` before every step. Here the step size adapts: it starts at
 * `increment` and doubles after every step the cluster absorbed without reaching a cap,
 * halving (never below `increment`) when it had to hold. Latency is measured with a few
 * 4 KiB object writes (milliseconds, not seconds). Steps do not wait for the previous
 * step's data to finish moving, only for the caps: so a weigh-in takes O(log(target /
 * increment)) steps and costs little more than the data movement itself, while holding
 * whenever moving PGs (backfilling + peering) exceed `backfill_cap` or write latency
 * exceeds `latency_cap`.
 *
 * @module
 */

/** Caps and step floor, from ceph.json. */
export interface WeighInLimits {
  /** Final CRUSH weight. */
  target: number;
  /** Smallest (and first) step. */
  increment: number;
  /** Hold while more PGs than this are backfilling. */
  backfillCap: number;
  /** Hold while pool write latency (ms) exceeds this. */
  latencyCapMs: number;
}

/** The planner's memory between observations (store it in the operation journal). */
export interface WeighInState {
  /** Size of the next step. */
  step: number;
  /** True when a hold happened since the last step. */
  heldSinceStep: boolean;
  /** Steps taken. */
  steps: number;
  /** Holds observed. */
  holds: number;
}

/** One observation. */
export interface WeighInObservation {
  /** Current CRUSH weight of the OSD. */
  weight: number;
  /** PGs backfilling (or waiting to). */
  backfilling: number;
  /** PGs not yet active (peering, activating, unknown): about to backfill after a step. */
  settling: number;
  /** Median write latency (ms) on the pool, or null when not measured. */
  latencyMs: number | null;
}

/** The decision. */
export type WeighInDecision =
  | { kind: "done" }
  | { kind: "hold"; reason: string }
  | { kind: "step"; weight: number; reason: string };

const EPSILON = 0.00001;

/**
 * Returns the initial planner state.
 *
 * @param limits Caps and increment.
 * @returns The state.
 */
export function initialWeighInState(limits: WeighInLimits): WeighInState {
  return { step: limits.increment, heldSinceStep: false, steps: 0, holds: 0 };
}

/**
 * Decides the next action and returns the updated state (inputs are not mutated).
 *
 * @param state Planner memory.
 * @param obs The observation.
 * @param limits Caps and increment.
 * @returns The decision and the new state.
 */
export function nextWeighIn(
  state: WeighInState,
  obs: WeighInObservation,
  limits: WeighInLimits,
): { decision: WeighInDecision; state: WeighInState } {
  if (Math.abs(obs.weight - limits.target) <= EPSILON || obs.weight > limits.target) {
    return { decision: { kind: "done" }, state };
  }
  // PGs still peering after the last step are about to backfill: count them too.
  const moving = obs.backfilling + obs.settling;
  let reason = "";
  if (moving > limits.backfillCap) {
    reason =
      `${obs.backfilling} PGs backfilling + ${obs.settling} peering > backfill_cap ${limits.backfillCap}`;
  } else if (obs.latencyMs !== null && obs.latencyMs > limits.latencyCapMs) {
    reason = `write latency ${obs.latencyMs.toFixed(1)} ms > latency_cap ${limits.latencyCapMs} ms`;
  }
  if (reason) {
    return {
      decision: { kind: "hold", reason },
      state: { ...state, heldSinceStep: true, holds: state.holds + 1 },
    };
  }
  // Grow after a step absorbed without reaching a cap; shrink after a hold.
  const size = state.steps === 0
    ? state.step
    : state.heldSinceStep
    ? Math.max(limits.increment, state.step / 2)
    : state.step * 2;
  const weight = Math.min(limits.target, obs.weight + size);
  return {
    decision: {
      kind: "step",
      weight,
      reason: `step ${state.steps + 1}: +${size.toPrecision(3)} (caps clear)`,
    },
    state: { step: size, heldSinceStep: false, steps: state.steps + 1, holds: state.holds },
  };
}

/**
 * Predicts the weights of an unthrottled weigh-in (no holds), for plans and simulate.
 *
 * @param from Starting weight.
 * @param limits Target and increment.
 * @returns The successive weights.
 */
export function predictWeighIn(from: number, limits: WeighInLimits): number[] {
  const out: number[] = [];
  let state = initialWeighInState(limits);
  let weight = from;
  for (let i = 0; i < 1000; i++) {
    const r = nextWeighIn(state, { weight, backfilling: 0, settling: 0, latencyMs: null }, limits);
    if (r.decision.kind !== "step") break;
    weight = r.decision.weight;
    state = r.state;
    out.push(weight);
  }
  return out;
}
