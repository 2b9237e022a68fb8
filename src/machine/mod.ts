/**
 * The disk-health state machine: a pure transition table, the runner that drives each
 * disk through it with checks behind small interfaces, crash recovery, and DOT rendering.
 *
 * @example Run one pass and read the states
 * ```ts ignore
 * import { openDatabase } from "./src/store/db.ts";
 * import { MachineRepo } from "./src/store/machine_repo.ts";
 * import { systemMachine } from "./src/app/machine.ts";
 * import { listDiskStates, runMachine } from "./src/machine/mod.ts";
 * const db = openDatabase("/var/lib/bynar/bynar.db");
 * const report = await runMachine(systemMachine({ db, allowReformat: false }));
 * for (const d of listDiskStates(new MachineRepo(db))) console.log(d.path, d.state, d.reason);
 * ```
 *
 * @module
 */
export * from "./states.ts";
export * from "./table.ts";
export { renderDot } from "./dot.ts";
export * from "./guards.ts";
export * from "./ports.ts";
export { MemoryMachineStore } from "./memory_store.ts";
export { reconcile, type Reconciliation } from "./reconcile.ts";
export { recoverIntents, type RecoveryNote } from "./recover.ts";
export { type DiskSession, runStep, type StepContext, type StepResult } from "./steps.ts";
export {
  type DiskPassReport,
  type PassReport,
  runMachine,
  type RunMachineOptions,
} from "./runner.ts";
export { policySmartCheck, type PolicySmartCheckOptions } from "./smart_check.ts";
export { backendOsdCheck } from "./osd_check.ts";
export { type DiskStateView, listDiskStates, type MachineStateReader } from "./view.ts";
