import assert from "node:assert/strict";
import {
  initialWeighInState,
  nextWeighIn,
  predictWeighIn,
  type WeighInLimits,
} from "./weigh_in.ts";

const LIMITS: WeighInLimits = { target: 1.0, increment: 0.01, backfillCap: 50, latencyCapMs: 15 };
function calm(
  weight: number,
): { weight: number; backfilling: number; settling: number; latencyMs: number } {
  return { weight, backfilling: 0, settling: 0, latencyMs: 2 };
}

Deno.test("an unthrottled weigh-in to 1.0 takes 7 doubling steps, not 100", () => {
  const w = predictWeighIn(0, LIMITS);
  assert.equal(w.length, 7);
  assert.deepEqual(w.map((x) => Math.round(x * 100) / 100), [
    0.01,
    0.03,
    0.07,
    0.15,
    0.31,
    0.63,
    1,
  ]);
});

Deno.test("holds while moving PGs exceed backfill_cap or latency exceeds latency_cap", () => {
  const s = initialWeighInState(LIMITS);
  const few = nextWeighIn(s, { ...calm(0.1), settling: 3, backfilling: 10 }, LIMITS);
  assert.equal(few.decision.kind, "step", "under the cap: no need to wait for peering");
  const peering = nextWeighIn(s, { ...calm(0.1), settling: 30, backfilling: 25 }, LIMITS);
  assert.equal(peering.decision.kind, "hold", "peering PGs are about to backfill");
  assert.match(
    (peering.decision as { reason: string }).reason,
    /25 PGs backfilling \+ 30 peering > backfill_cap 50/,
  );
  const slow = nextWeighIn(s, { ...calm(0.1), latencyMs: 40 }, LIMITS);
  assert.match((slow.decision as { reason: string }).reason, /latency_cap 15/);
  assert.equal(slow.state.heldSinceStep, true);
  assert.equal(slow.state.holds, 1);
});

Deno.test("step grows after a clean step and halves (not below increment) after a hold", () => {
  let s = initialWeighInState(LIMITS);
  let r = nextWeighIn(s, calm(0), LIMITS);
  assert.deepEqual(r.decision, {
    kind: "step",
    weight: 0.01,
    reason: "step 1: +0.0100 (caps clear)",
  });
  s = r.state;
  r = nextWeighIn(s, calm(0.01), LIMITS);
  assert.equal((r.decision as { weight: number }).weight.toFixed(2), "0.03");
  s = r.state;
  s = nextWeighIn(s, { ...calm(0.03), backfilling: 80 }, LIMITS).state;
  r = nextWeighIn(s, calm(0.03), LIMITS);
  assert.equal((r.decision as { weight: number }).weight.toFixed(2), "0.04", "halved from 0.02");
  s = { ...r.state, step: 0.01, heldSinceStep: true };
  r = nextWeighIn(s, calm(0.04), LIMITS);
  assert.equal((r.decision as { weight: number }).weight.toFixed(2), "0.05", "floor = increment");
});

Deno.test("never overshoots the target and stops there", () => {
  const s = { step: 0.5, heldSinceStep: false, steps: 3, holds: 0 };
  const r = nextWeighIn(s, calm(0.9), LIMITS);
  assert.equal((r.decision as { weight: number }).weight, 1.0);
  assert.deepEqual(nextWeighIn(s, calm(1.0), LIMITS).decision, { kind: "done" });
  assert.deepEqual(nextWeighIn(s, calm(0.999995), LIMITS).decision, { kind: "done" });
});
