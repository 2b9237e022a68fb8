/**
 * The machine runner: one pass over the disks in scope. Recovers interrupted side
 * effects, reconciles identities (vanished, back, replaced), then drives every disk
 * through the transition table within the attempt budget, storing each transition.
 *
 * @module
 */
import { errorMessage, isSandboxRefusal, sandboxFix } from "../errors.ts";
import type { FsProbe } from "../health/types.ts";
import type { BlockDisk } from "../inventory/model.ts";
import { fsTarget } from "./guards.ts";
import { MemoryMachineStore } from "./memory_store.ts";
import type {
  Clock,
  DiskSource,
  MachineDiskRecord,
  MachineStore,
  OsdCheck,
  SmartCheck,
  TransitionRecord,
} from "./ports.ts";
import { SYSTEM_CLOCK } from "./ports.ts";
import { nowDate } from "../shared/clock.ts";
import { reconcile } from "./reconcile.ts";
import { recoverIntents, type RecoveryNote } from "./recover.ts";
import { type DiskState, RESUMABLE_STATES } from "./states.ts";
import { newSession, releaseSession, runStep, type StepContext } from "./steps.ts";
import {
  applyOutcome,
  type BudgetLimits,
  type BudgetUse,
  DEFAULT_LIMITS,
  planStep,
  startState,
} from "./table.ts";

/** Options of {@linkcode runMachine}. */
export interface RunMachineOptions {
  /** The disks in scope. */
  disks: DiskSource;
  /** Where states, history and intents live. */
  store: MachineStore;
  /** Filesystem probes. */
  fs: FsProbe;
  /** SMART verdicts. */
  smart: SmartCheck;
  /**
   * Cluster backend OSD check.
   * @default null (inventory evidence only)
   */
  osd?: OsdCheck | null;
  /**
   * Clock.
   * @default SYSTEM_CLOCK
   */
  clock?: Clock;
  /**
   * Run the whole machine without any side effect: no mount, no write test, no repair,
   * no reformat, no database write (transitions are reported, not stored).
   * @default false
   */
  simulate?: boolean;
  /**
   * bynar.json `allow_reformat`.
   * @default false
   */
  allowReformat?: boolean;
  /**
   * Attempt budget.
   * @default DEFAULT_LIMITS
   */
  limits?: Partial<BudgetLimits>;
  /**
   * The device paths this pass is restricted to; known disks elsewhere are not declared
   * vanished. Undefined means every disk of the host is in scope.
   * @default undefined
   */
  scopeDevices?: string[] | undefined;
  /**
   * Longest wait for another process to release a device before repair, in ms.
   * @default 600000
   */
  busyWaitMs?: number;
  /**
   * Called after every transition (stored or simulated).
   * @default undefined
   */
  onTransition?: (transition: TransitionRecord) => void;
}

/** The outcome of one pass for one disk. */
export interface DiskPassReport {
  /** Identity key. */
  diskKey: string;
  /** Device path (last seen). */
  path: string;
  /** State at the start of the pass. */
  startState: DiskState;
  /** State at the end. */
  finalState: DiskState;
  /** Why it is in its final state. */
  reason: string;
  /** Whether the pass ended on hold (stuck; counts against the budget). */
  held: boolean;
  /**
   * Why Bynar itself could not check the disk in this pass (its sandbox refused a step, or
   * the filesystem cannot be tested): the disk's health is UNKNOWN, a configuration
   * problem with its fix; never counted toward replacement. Null when it could.
   */
  unknown: string | null;
  /** Transitions of this pass, in order. */
  transitions: TransitionRecord[];
}

/** The outcome of one pass. */
export interface PassReport {
  /** Pass id. */
  passId: string;
  /** Whether nothing was changed. */
  simulate: boolean;
  /** Start (ISO). */
  startedAt: string;
  /** End (ISO). */
  finishedAt: string;
  /** What crash recovery did. */
  recovered: RecoveryNote[];
  /** Per disk. */
  disks: DiskPassReport[];
}

function newRecord(disk: BlockDisk, now: Date): MachineDiskRecord {
  const t = fsTarget(disk);
  return {
    diskKey: disk.identity.key,
    path: disk.path,
    serial: disk.identity.serial,
    state: "unscanned",
    reason: "first seen",
    fsType: t?.fs.type ?? null,
    fsUuid: t?.fs.uuid ?? null,
    fsLabel: t?.fs.label ?? null,
    smartVerdict: null,
    vanished: false,
    replacedBy: null,
    holds: 0,
    updatedAt: now.toISOString(),
  };
}

/**
 * Runs one pass of the disk-health machine.
 *
 * @example One real pass over this host's disks
 * ```ts ignore
 * import { runMachine } from "./src/machine/mod.ts";
 * import { systemMachine } from "./src/app/machine.ts";
 * const deps = systemMachine({ db, includeLoop: false, config });
 * const report = await runMachine(deps);
 * for (const d of report.disks) console.log(d.path, d.finalState, d.reason);
 * ```
 *
 * @param options Ports, scope, simulate flag and budget.
 * @returns The pass report.
 * @throws {BynarError} When the disk list cannot be read (a single disk's failure is a
 *   `hold` with its reason, never an exception).
 */
export async function runMachine(options: RunMachineOptions): Promise<PassReport> {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const simulate = options.simulate ?? false;
  const limits: BudgetLimits = { ...DEFAULT_LIMITS, ...(options.limits ?? {}) };
  const store: MachineStore = simulate ? new MemoryMachineStore(options.store) : options.store;
  const busyWaitMs = options.busyWaitMs ?? 600_000;
  const passId = crypto.randomUUID();
  const startedAt = new Date(clock.now()).toISOString();

  const recovered = simulate
    ? []
    : await recoverIntents(store, { fs: options.fs, clock, busyWaitMs });

  const disks = await options.disks.list();
  const reports = new Map<string, DiskPassReport>();
  const report = (rec: MachineDiskRecord): DiskPassReport => {
    let r = reports.get(rec.diskKey);
    if (!r) {
      r = {
        diskKey: rec.diskKey,
        path: rec.path,
        startState: rec.state,
        finalState: rec.state,
        reason: rec.reason,
        held: false,
        unknown: null,
        transitions: [],
      };
      reports.set(rec.diskKey, r);
    }
    return r;
  };
  const move = (
    rec: MachineDiskRecord,
    to: DiskState,
    step: string,
    reason: string,
    durationMs: number,
    patch: Partial<MachineDiskRecord> = {},
  ): MachineDiskRecord => {
    const now = nowDate(clock);
    const tr: TransitionRecord = {
      diskKey: rec.diskKey,
      at: now.toISOString(),
      from: rec.state,
      to,
      step,
      reason,
      durationMs,
      passId,
    };
    const next = { ...rec, ...patch, state: to, reason, updatedAt: tr.at };
    store.recordTransition(tr, next);
    const r = report(rec);
    r.transitions.push(tr);
    r.finalState = to;
    r.reason = reason;
    options.onTransition?.(tr);
    return next;
  };

  const scope = options.scopeDevices ? new Set(options.scopeDevices) : null;
  const known = store.listDisks();
  const rec = reconcile(
    known.map((k) => ({
      diskKey: k.diskKey,
      path: k.path,
      vanished: k.vanished,
      replaced: k.state === "replaced",
    })),
    disks.map((d) => ({ diskKey: d.identity.key, path: d.path })),
    { inScope: (k) => scope === null || scope.has(k.path) },
  );
  for (const key of rec.vanished) {
    const k = store.getDisk(key)!;
    report(k);
    if (k.state === "waiting_for_replacement") {
      const next = { ...k, vanished: true, reason: `${k.reason}; the disk is gone from the host` };
      store.putDisk(next);
      report(k).reason = next.reason;
    } else {
      move(
        k,
        "waiting_for_replacement",
        "vanished",
        `vanished from the host (last seen at ${k.path})`,
        0,
        {
          vanished: true,
          holds: 0,
        },
      );
    }
  }
  for (const r of rec.replaced) {
    const k = store.getDisk(r.oldKey)!;
    move(k, "replaced", "await_replacement", `replaced by ${r.newKey} at ${r.path}`, 0, {
      replacedBy: r.newKey,
    });
  }

  for (const disk of disks) {
    const key = disk.identity.key;
    let record = store.getDisk(key);
    if (!record) {
      record = newRecord(disk, nowDate(clock));
      store.putDisk(record);
    } else {
      const t = fsTarget(disk);
      record = {
        ...record,
        path: disk.path,
        serial: disk.identity.serial,
        fsType: t?.fs.type ?? record.fsType,
        fsUuid: t?.fs.uuid ?? record.fsUuid,
        fsLabel: t?.fs.label ?? record.fsLabel,
      };
    }
    report(record).path = disk.path;
    if (record.state === "replaced") {
      // A disk marked replaced is attached again: it is a disk like any other now.
      record = move(
        record,
        "unscanned",
        "back",
        `the disk ${key}, marked replaced, is attached again at ${disk.path}: checking it again`,
        0,
        { vanished: false, replacedBy: null, holds: 0 },
      );
    }
    try {
      await runDisk(disk, record);
    } catch (err) {
      const r = report(record);
      if (isSandboxRefusal(err)) {
        r.unknown = `the machine could not check ${disk.path}: ${sandboxFix(err)}`;
        r.reason = r.unknown;
      } else {
        r.held = true;
        r.reason = `the machine failed for ${disk.path}: ${errorMessage(err)}`;
      }
    }
  }

  async function runDisk(disk: BlockDisk, initial: MachineDiskRecord): Promise<void> {
    let record = initial;
    const r = report(record);
    const begin = startState(record.state, RESUMABLE_STATES);
    if (begin !== record.state) record = { ...record, state: begin };
    store.putDisk(record);
    const since = new Date(clock.now() - limits.windowMs).toISOString();
    const use: BudgetUse = {
      stepsThisPass: 0,
      thisPass: {},
      repairsInWindow: store.countTransitions(record.diskKey, { to: "repaired", since }),
      reformatsInWindow: store.countTransitions(record.diskKey, { to: "reformatted", since }),
      holds: record.holds,
    };
    const ctx: StepContext = {
      disk,
      record,
      session: newSession(),
      simulate,
      allowReformat: options.allowReformat ?? false,
      busyWaitMs,
      fs: options.fs,
      smart: options.smart,
      osd: options.osd ?? null,
      store,
      clock,
    };
    let held: string | null = null;
    let unknown: string | null = null;
    try {
      for (;;) {
        const plan = planStep(record.state, use, limits);
        if (plan.kind === "stop") break;
        if (plan.kind === "give_up") {
          record = move(record, plan.to, "budget", plan.reason, 0, { holds: 0 });
          break;
        }
        const t0 = performance.now();
        ctx.record = record;
        const res = await runStep(plan.step, ctx);
        use.stepsThisPass++;
        use.thisPass[plan.step] = (use.thisPass[plan.step] ?? 0) + 1;
        const next = applyOutcome(record.state, res.outcome);
        if (next.kind === "hold") {
          held = res.reason;
          break;
        }
        if (next.kind === "unknown") {
          unknown = res.reason;
          break;
        }
        const patch: Partial<MachineDiskRecord> = {};
        if (plan.step === "smart") {
          patch.smartVerdict = res.outcome === "fail" ? "critical" : res.outcome;
        }
        if (plan.step === "await_replacement" && res.outcome === "back") patch.vanished = false;
        record = move(record, next.to, plan.step, res.reason, performance.now() - t0, patch);
        if (next.to === "good" || next.to === "waiting_for_replacement") break;
      }
    } finally {
      const left = await releaseSession(ctx);
      if (left) held = `${held ? `${held}; ` : ""}temporary mount left: ${left}`;
    }
    if (held !== null) {
      const counts = record.state !== "waiting_for_replacement" && unknown === null;
      record = { ...record, reason: held, holds: counts ? record.holds + 1 : record.holds };
      r.held = true;
    } else if (unknown !== null) {
      // Nothing was learnt about the disk: keep the state and the hold count as they are.
      record = { ...record, reason: unknown };
    } else if (record.state === "good" || record.state === "waiting_for_replacement") {
      record = { ...record, holds: 0 };
    }
    record = { ...record, updatedAt: new Date(clock.now()).toISOString() };
    store.putDisk(record);
    r.finalState = record.state;
    r.reason = record.reason;
    r.unknown = unknown;
  }

  return {
    passId,
    simulate,
    startedAt,
    finishedAt: new Date(clock.now()).toISOString(),
    recovered,
    disks: [...reports.values()],
  };
}
