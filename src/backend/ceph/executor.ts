/**
 * Runs a journaled operation step by step: every step is marked running before and done
 * after it executes, so a restarted process continues from the first unfinished step.
 * Steps are idempotent (each checks the cluster before acting), so re-running the step a
 * crash interrupted is safe.
 *
 * @module
 */
import type { BackendOp, OpsJournal } from "./journal.ts";
import { errorMessage } from "../../errors.ts";
import type { Progress } from "../types.ts";
import type { CephClusterApi } from "./cluster_api.ts";
import type { CephHost } from "./host.ts";
import type { OsdDaemonControl } from "./daemon_control.ts";
import type { Clock } from "../../shared/clock.ts";
import type { PlanContext } from "./remove_plan.ts";
import type { WeighInLimits } from "./weigh_in.ts";
import { CMD } from "./commands.ts";

/** Everything a step needs. */
export interface StepDeps {
  /** Cluster. */
  api: CephClusterApi;
  /** Host. */
  host: CephHost;
  /** Daemons. */
  daemons: OsdDaemonControl;
  /** Journal. */
  repo: OpsJournal;
  /** Clock. */
  clock: Clock;
  /** Rendering/paths context. */
  ctx: PlanContext;
  /** OSD creation mode. */
  mode: "raw" | "lvm";
  /** Pool for latency probes (null: no latency cap). */
  probePool: string | null;
  /** Weigh-in limits. */
  limits: WeighInLimits;
  /** Removal budget. */
  maxRemovals: number;
  /** ceph.json's per-failure-domain budget (absent: none). */
  failureDomain?:
    | { failure_domain?: string | null | undefined; max_removals_per_failure_domain: number }
    | undefined;
  /** Lease lifetime. */
  leaseSeconds: number;
  /** Weigh-in deadline, seconds. */
  weighInTimeoutSeconds: number;
}

/** Context of one step run. */
export interface StepRun {
  /** The operation (fresh from the journal). */
  op: BackendOp;
  /** Dependencies. */
  deps: StepDeps;
  /** Progress sink. */
  progress: (message: string, percent?: number) => void;
  /** Abort signal. */
  signal: AbortSignal | undefined;
  /** True when this process resumed an interrupted operation. */
  resumed: boolean;
}

/** A step implementation: returns a detail for the journal. */
export type StepHandler = (run: StepRun) => Promise<string>;

/** Options of {@linkcode runJournaled}. */
export interface RunJournaledOptions {
  /** Step name → implementation. */
  handlers: Record<string, StepHandler>;
  /** Dependencies. */
  deps: StepDeps;
  /** Progress callback. */
  onProgress?: ((p: Progress) => void) | undefined;
  /** Abort signal. */
  signal?: AbortSignal | undefined;
  /** True when resuming. */
  resumed: boolean;
  /** Called when a step fails, before the error propagates (e.g. restore scrub flags). */
  onError?: (run: StepRun, err: unknown) => Promise<void>;
  /**
   * Steps re-run on resume even when done (idempotent ones whose effect the error hook
   * undid, e.g. `set_scrub_flags`).
   */
  rerunOnResume?: readonly string[];
}

/**
 * Executes the unfinished steps of `op` in order and finishes the operation.
 *
 * @param opId Operation id.
 * @param options Handlers, dependencies, progress, signal, resume flag, error hook.
 * @returns The finished operation.
 * @throws {Error} The failing step's error (the operation stays `running`, resumable).
 */
export async function runJournaled(
  opId: number,
  options: RunJournaledOptions,
): Promise<BackendOp> {
  const { handlers, deps } = options;
  let op = deps.repo.get(opId)!;
  const total = op.steps.length;
  const firstPending = op.steps.findIndex((s) => s.status !== "done");
  for (const step of op.steps) {
    const rerun = options.resumed && step.seq < firstPending &&
      (options.rerunOnResume ?? []).includes(step.name);
    if (step.status === "done" && !rerun) continue;
    const handler = handlers[step.name];
    if (!handler) throw new Error(`Cannot run step "${step.name}": no implementation`);
    deps.repo.stepStarted(op.id, step.seq);
    op = deps.repo.get(opId)!;
    const run: StepRun = {
      op,
      deps,
      resumed: options.resumed,
      signal: options.signal,
      progress: (message, percent) =>
        options.onProgress?.({
          step: step.name,
          message,
          ...(percent === undefined ? {} : { percent }),
        }),
    };
    run.progress(`step ${step.seq + 1}/${total}: ${step.name}`);
    try {
      const detail = await handler(run);
      deps.repo.stepFinished(op.id, step.seq, { detail });
    } catch (err) {
      deps.repo.stepFinished(op.id, step.seq, { status: "failed", detail: errorMessage(err) });
      deps.repo.recordError(op.id, `${step.name}: ${errorMessage(err)}`);
      if (options.onError) {
        await options.onError({ ...run, op: deps.repo.get(opId)! }, err).catch(() => {});
      }
      throw err;
    }
  }
  deps.repo.finish(opId);
  return deps.repo.get(opId)!;
}

/**
 * Sets the scrub flags not yet set, recording them in the operation state BEFORE setting
 * them (so a crash never leaves a flag nobody restores).
 *
 * @param run The step run.
 * @param flags Flags to hold.
 * @returns Detail.
 */
export async function setScrubFlags(run: StepRun, flags: readonly string[]): Promise<string> {
  const { api, repo } = run.deps;
  const dump = await api.osdDump();
  const mine = new Set((run.op.state.scrubFlagsSet as string[] | undefined) ?? []);
  const toSet = flags.filter((f) => !dump.flags.includes(f) || mine.has(f));
  repo.updateState(run.op.id, { scrubFlagsSet: [...new Set([...mine, ...toSet])] });
  for (const f of toSet) {
    if (!dump.flags.includes(f)) await api.send(CMD.setFlag(f));
  }
  return toSet.length ? `set ${toSet.join(", ")}` : "already set by someone else; left alone";
}

/**
 * Unsets the scrub flags this operation set, unless another running operation of this
 * journal still holds them.
 *
 * @param run The step run.
 * @returns Detail.
 */
export async function restoreScrubFlags(run: StepRun): Promise<string> {
  const { api, repo } = run.deps;
  const op = repo.get(run.op.id)!;
  const mine = (op.state.scrubFlagsSet as string[] | undefined) ?? [];
  const others = new Set(
    repo.list({ status: "running" }).filter((o) => o.id !== op.id)
      .flatMap((o) => (o.state.scrubFlagsSet as string[] | undefined) ?? []),
  );
  const dump = await api.osdDump();
  const unset: string[] = [];
  for (const f of mine) {
    if (others.has(f) || !dump.flags.includes(f)) continue;
    await api.send(CMD.unsetFlag(f));
    unset.push(f);
  }
  repo.updateState(op.id, { scrubFlagsSet: [] });
  return unset.length ? `unset ${unset.join(", ")}` : "nothing to unset";
}
