/**
 * The detector: the closed replacement loop. Each pass runs the disk-health machine;
 * every disk it puts in `waiting_for_replacement` gets one resumable workflow
 * (safe-to-remove → approval → remove → ticket → resolution → verified replacement →
 * add → close), every step stored before its side effect.
 *
 * @example One pass
 * ```ts ignore
 * import { buildDetector } from "./src/app/detect.ts";
 * import { runPass } from "./src/detect/mod.ts";
 * const det = await buildDetector(config, db, { log: console.error, stopping: () => false });
 * const summary = await runPass(det.deps);
 * ```
 *
 * @module
 */
export type * from "./types.ts";
export {
  type Action,
  type ActionResult,
  type Applied,
  applyResult,
  backoff,
  closeText,
  decide,
  journal,
  newWorkflow,
  smartAcceptable,
  stepName,
} from "./workflow.ts";
export { destructiveGate, inWindow, type MaintenanceWindow } from "./windows.ts";
export { advanceWorkflow, MAX_ACTIONS_PER_PASS, type RunnerDeps, ticketDisk } from "./runner.ts";
export { needsWorkflow, type PassDeps, type PassSummary, runPass, slotCandidate } from "./pass.ts";
export { acquireInstanceLock, type InstanceLock } from "./lock.ts";
export { type BuiltDetector, runDetector, type RunDetectorOptions } from "./daemon.ts";
