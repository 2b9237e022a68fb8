/**
 * The answer of a remove/add that does not run now (pure): the preview of an interrupted
 * operation, a refusal, a skip, or a simulation.
 *
 * @module
 */
import { SafetyError } from "../../errors.ts";
import type { DiskRef, OpResult, PlanStep } from "../types.ts";
import type { AddPlanResult } from "./add_plan.ts";
import type { RemovePlanResult } from "./remove_plan.ts";

/**
 * The answer of a remove/add that does not run now: the preview of an interrupted operation
 * (`running`, simulate only), a refusal (thrown), a skip, or a simulation.
 *
 * @param verb Which operation.
 * @param disk The disk asked for.
 * @param ctx The plan, the interrupted operation of that device if any, and simulate.
 * @returns The result, or null when the plan should run.
 * @throws {SafetyError} When the plan refuses.
 */
export function settledResult(
  verb: "remove" | "add",
  disk: DiskRef,
  ctx: {
    plan: RemovePlanResult | AddPlanResult;
    running: { id: number; plan: unknown; osdId: number | null } | null;
    simulate: boolean | undefined;
  },
): OpResult | null {
  const { plan, running } = ctx;
  if (running) {
    return {
      outcome: "Success",
      message: `would resume operation ${running.id}`,
      plan: running.plan as PlanStep[],
      ...(running.osdId !== null ? { osdId: running.osdId } : {}),
    };
  }
  if (plan.kind === "refuse") {
    throw new SafetyError(plan.code, `Cannot ${verb} "${disk.path}": ${plan.reason}`, {
      device: disk.path,
    });
  }
  if (plan.kind === "skip") {
    return {
      outcome: plan.outcome,
      message: plan.reason,
      plan: [],
      ...(plan.osdId !== undefined ? { osdId: plan.osdId } : {}),
    };
  }
  if (ctx.simulate) {
    return {
      outcome: "Success",
      message: `simulated ${
        verb === "remove" ? "removal" : "add"
      } of osd.${plan.osdId} (${plan.steps.length} steps)`,
      osdId: plan.osdId,
      plan: plan.steps,
    };
  }
  return null;
}
