/**
 * The Ceph backend: gathers facts (`facts.ts`), plans (pure), and runs the plan through the
 * journaled executor. Simulate stops after planning (no journal row, no cluster or device
 * change). The facts a safety check gathered are reused by the removal that follows it at
 * once (one `/remove` reads the cluster and the device label once).
 *
 * @module
 */
import { SafetyError } from "../../errors.ts";
import type { CephConfig } from "../../config/schema.ts";
import type {
  Backend,
  BackendDisk,
  BackendStatus,
  DiskRef,
  MutateOptions,
  OpResult,
  PlanStep,
  SafeToRemoveResult,
} from "../types.ts";
import { planAdd } from "./add_plan.ts";
import { ADD_STEPS } from "./add_steps.ts";
import type { CephClusterApi } from "./cluster_api.ts";
import type { OsdDaemonControl } from "./daemon_control.ts";
import { restoreScrubFlags, runJournaled, type StepDeps } from "./executor.ts";
import type { OpsJournal } from "./journal.ts";
import type { CephHost } from "./host.ts";
import { CephFacts } from "./facts.ts";
import type { OsdDump, OsdMetadata, TreeOsd } from "./parse.ts";
import { blockingReasons, type PlanContext, planRemove, type RemoveFacts } from "./remove_plan.ts";
import { REMOVE_STEPS } from "./remove_steps.ts";
import { settledResult } from "./settle.ts";
import { type Clock, SYSTEM_CLOCK } from "../../shared/clock.ts";
import type { WeighInLimits } from "./weigh_in.ts";

/** Lowest supported Ceph major release (Nautilus). */
export const MIN_CEPH_MAJOR = 14;

/**
 * How long the facts of a safety check stay good for the removal that follows it (the
 * API's `/remove` asks `safeToRemove`, then starts the removal at once).
 */
export const FACTS_REUSE_MS = 5_000;

/** Dependencies of {@linkcode CephBackend}. */
export interface CephBackendDeps {
  /** Validated ceph.json. */
  config: CephConfig;
  /** Cluster adapter. */
  api: CephClusterApi;
  /** Host adapter. */
  host: CephHost;
  /** Daemon control. */
  daemons: OsdDaemonControl;
  /** The operation journal (the store implements it). */
  repo: OpsJournal;
  /** Clock. */
  clock?: Clock;
  /** OSD data root. */
  osdDataRoot?: string;
  /** Closes the connection (shared connections are left open). */
  onClose?: () => void;
}

/** The Ceph implementation of {@linkcode Backend}. */
export class CephBackend implements Backend {
  /** Backend name. */
  readonly name = "ceph";
  #d: Required<Omit<CephBackendDeps, "onClose">> & { onClose?: () => void };
  #ctx: PlanContext;
  #limits: WeighInLimits;
  /** Devices with an operation executing in this process. */
  #busy = new Set<string>();
  #facts: CephFacts;
  #recent = new Map<string, { facts: RemoveFacts; at: number }>();

  /**
   * Creates the backend from its adapters (see {@linkcode createCephBackend}).
   *
   * @param deps Adapters and config.
   */
  constructor(deps: CephBackendDeps) {
    this.#d = { clock: SYSTEM_CLOCK, osdDataRoot: "/var/lib/ceph/osd", ...deps };
    const c = deps.config;
    this.#ctx = {
      volume: {
        confPath: c.config_file,
        allowLoop: c.allow_loop_devices,
        ...(c.ceph_volume_log_dir ? { logDir: c.ceph_volume_log_dir } : {}),
      },
      daemonControl: c.daemon_control,
      osdDataRoot: this.#d.osdDataRoot,
      cluster: c.cluster_name,
      drainTimeoutSeconds: c.drain_timeout_seconds,
    };
    this.#facts = new CephFacts({
      config: c,
      api: this.#d.api,
      host: this.#d.host,
      repo: this.#d.repo,
      clock: this.#d.clock,
      ctx: this.#ctx,
    });
    this.#limits = {
      target: c.target_weight ?? DEFAULT_TARGET_WEIGHT,
      increment: c.increment,
      backfillCap: c.backfill_cap,
      latencyCapMs: c.latency_cap,
    };
  }

  /** The operation journal (for status pages and tests). */
  get journal(): OpsJournal {
    return this.#d.repo;
  }

  #deps(): StepDeps {
    const c = this.#d.config;
    return {
      api: this.#d.api,
      host: this.#d.host,
      daemons: this.#d.daemons,
      repo: this.#d.repo,
      clock: this.#d.clock,
      ctx: this.#ctx,
      mode: c.osd_create_mode,
      probePool: c.pool_name ?? null,
      limits: this.#limits,
      maxRemovals: c.max_concurrent_removals,
      failureDomain: {
        failure_domain: c.failure_domain,
        max_removals_per_failure_domain: c.max_removals_per_failure_domain,
      },
      leaseSeconds: c.removal_lease_seconds,
      weighInTimeoutSeconds: c.weigh_in_timeout_seconds,
    };
  }

  /**
   * Lists this host's OSD disks and the configured journal/system disks.
   *
   * @returns The disks with roles.
   */
  async listDisks(): Promise<BackendDisk[]> {
    const [labels, dump] = await Promise.all([this.#d.host.listOsds(), this.#d.api.osdDump()]);
    const fsid = this.#d.api.fsid();
    const out: BackendDisk[] = [];
    for (const l of labels.filter((x) => x.clusterFsid === fsid)) {
      const o = dump.osds.find((x) => x.id === l.osdId);
      for (const path of l.devices) {
        out.push({
          path,
          role: {
            kind: "osd",
            osdId: l.osdId,
            up: !!o?.up,
            in: !!o?.in,
            destroyed: !!o?.state.includes("destroyed"),
          },
        });
      }
    }
    out.push(...await this.#destroyedSlots(dump, new Set(out.map((d) => d.path))));
    for (const j of this.#d.config.journal_devices ?? []) {
      out.push({ path: j.device, role: { kind: "journal" } });
    }
    for (const s of this.#d.config.system_disks) {
      out.push({ path: s.device, role: { kind: "system" } });
    }
    return out;
  }

  /**
   * The slots of this host's destroyed OSDs (the device path their metadata names, or the
   * one this host's journal removed them from) that no other OSD occupies: they await a
   * replacement.
   */
  async #destroyedSlots(dump: OsdDump, taken: Set<string>): Promise<BackendDisk[]> {
    const destroyed = dump.osds.filter((o) => o.state.includes("destroyed"));
    if (destroyed.length === 0) return [];
    const host = this.#d.host.hostname();
    const meta = await this.#d.api.osdMetadata().catch(() => [] as OsdMetadata[]);
    const removals = this.#d.repo.list({ limit: 500 }).filter((op) => op.kind === "remove");
    const unusable = new Set([
      ...(this.#d.config.journal_devices ?? []).map((j) => j.device),
      ...this.#d.config.system_disks.map((d) => d.device),
    ]);
    const out: BackendDisk[] = [];
    for (const o of destroyed) {
      const m = meta.find((x) => x.id === o.id);
      const fromMeta = m && m.hostname.split(".")[0] === host ? m.devicePath : null;
      const fromJournal = removals.find((op) => op.osdId === o.id)?.device ?? null;
      const path = fromMeta ?? fromJournal;
      if (!path || taken.has(path) || unusable.has(path)) continue;
      taken.add(path);
      out.push({
        path,
        role: { kind: "osd", osdId: o.id, up: o.up, in: o.in, destroyed: true },
      });
    }
    return out;
  }

  /**
   * Says whether the OSD on a disk can be taken out now (no blocking flag, a removal slot,
   * every PG active+clean unless the OSD is already down, and stopping it keeps every PG
   * available). A disk that is gone is looked up in the cluster metadata (B-24).
   *
   * @param disk The disk.
   * @returns The answer.
   */
  async safeToRemove(disk: DiskRef): Promise<SafeToRemoveResult> {
    const f = await this.#facts.removeFacts(disk);
    this.#recent.set(factsKey(disk), { facts: f, at: this.#d.clock.now() });
    if (f.systemReason) {
      return { outcome: "Skipped", safe: false, reason: `system disk: ${f.systemReason}` };
    }
    if (f.journalDevice) return { outcome: "Skipped", safe: false, reason: "journal device" };
    if (!f.osd) {
      const reason = f.deviceAbsent
        ? "the device is gone and no OSD of this host was on it"
        : "no OSD on this device";
      return { outcome: "SkipRepeat", safe: true, reason };
    }
    const id = f.osd.id;
    const d = f.dump.osds.find((o) => o.id === id);
    if (!d || d.state.includes("destroyed")) {
      return {
        outcome: "SkipRepeat",
        safe: true,
        reason: `osd.${id} already destroyed`,
        osdId: id,
      };
    }
    const reasons = blockingReasons(f.dump, d, f.host);
    if (f.budgetRefusal) reasons.push(f.budgetRefusal);
    const pgs = await this.#d.api.pgStat();
    // A down OSD's PGs are degraded because of it; taking it out starts their recovery.
    if (d.up && pgs.activeClean !== pgs.numPgs) {
      reasons.push(`${pgs.numPgs - pgs.activeClean} of ${pgs.numPgs} PGs are not active+clean`);
    }
    const std = await this.#d.api.safeToDestroy(id);
    if (!std.safe.includes(id)) {
      // Together with every OSD another removal is draining now: never two replicas at once.
      const set = f.draining?.length ? f.draining : [id];
      const stop = await this.#d.api.okToStop(set);
      if (!stop.ok) {
        reasons.push(
          set.length > 1
            ? `${set.map((o) => `osd.${o}`).join(", ")} together: ${stop.reason}`
            : stop.reason,
        );
      }
    }
    return {
      outcome: "Success",
      safe: reasons.length === 0,
      reason: reasons.length
        ? reasons.join("; ")
        : `osd.${id} can be drained and removed now${
          f.deviceAbsent ? ` (its device ${disk.path} is gone)` : ""
        }`,
      osdId: id,
    };
  }

  /**
   * Removes the OSD on a disk, keeping its id; resumes an interrupted removal.
   *
   * @param disk The disk.
   * @param options Simulate, progress, signal.
   * @returns The result.
   * @throws {SafetyError} When refused (flags, maintenance, budget, device changed).
   */
  remove(disk: DiskRef, options: MutateOptions = {}): Promise<OpResult> {
    return options.simulate
      ? this.#remove(disk, options)
      : this.#exclusive(disk.path, () => this.#remove(disk, options));
  }

  /**
   * Adds a disk as an OSD (the destroyed id of this host by default) and weighs it in;
   * resumes an interrupted add.
   *
   * @param disk The disk.
   * @param options Simulate, progress, signal, OSD id.
   * @returns The result.
   * @throws {SafetyError} When the device is foreign, changed or the id is taken.
   */
  add(disk: DiskRef, options: MutateOptions = {}): Promise<OpResult> {
    return options.simulate
      ? this.#add(disk, options)
      : this.#exclusive(disk.path, () => this.#add(disk, options));
  }

  async #exclusive<T>(device: string, fn: () => Promise<T>): Promise<T> {
    if (this.#busy.has(device)) {
      throw new SafetyError(
        "operation_in_progress",
        `Cannot start an operation on "${device}": another one is running on it in this process`,
        { device },
      );
    }
    this.#busy.add(device);
    try {
      return await fn();
    } finally {
      this.#busy.delete(device);
    }
  }

  async #remove(disk: DiskRef, options: MutateOptions): Promise<OpResult> {
    const repo = this.#d.repo;
    const running = repo.findRunning(this.name, { kind: "remove", device: disk.path });
    if (running && !options.simulate) {
      return await this.#execute(running.id, "remove", options, true);
    }
    const facts = this.#takeRecentFacts(disk) ?? await this.#facts.removeFacts(disk);
    const plan = planRemove(facts, this.#ctx);
    const settled = settledResult("remove", disk, { plan, running, simulate: options.simulate });
    if (settled) return settled;
    if (plan.kind !== "plan") throw new Error(`unreachable: a ${plan.kind} plan is always settled`);
    // A gone device cannot be read: record the identity the caller last saw there.
    const identity = facts.deviceAbsent ? disk.identity ?? null : await this.#checkIdentity(disk);
    const op = repo.create({
      backend: this.name,
      kind: "remove",
      device: disk.path,
      deviceIdentity: identity,
      osdId: plan.osdId,
      osdFsid: plan.osdFsid,
      plan: plan.steps,
      stepNames: plan.steps.map((s) => s.name),
      state: plan.walPartition ? { walPartition: plan.walPartition } : {},
    });
    return await this.#execute(op.id, "remove", options, false);
  }

  async #add(disk: DiskRef, options: MutateOptions): Promise<OpResult> {
    const repo = this.#d.repo;
    const running = repo.findRunning(this.name, { kind: "add", device: disk.path });
    if (running && !options.simulate) return await this.#execute(running.id, "add", options, true);
    // Never even read a system disk.
    const gathered = await this.#facts.addFacts(disk, {
      osdId: options.osdId,
      limits: this.#limits,
    });
    if ("systemReason" in gathered) {
      return { outcome: "Skipped", message: `system disk: ${gathered.systemReason}`, plan: [] };
    }
    const facts = gathered.facts;
    const label = facts.label;
    facts.limits = this.#addLimits(facts.requestedId, facts.tree);
    let plan = planAdd(facts, this.#ctx);
    if (plan.kind === "plan" && plan.osdId !== facts.requestedId) {
      facts.limits = this.#addLimits(plan.osdId, facts.tree);
      plan = planAdd(facts, this.#ctx);
    }
    const settled = settledResult("add", disk, { plan, running, simulate: options.simulate });
    if (settled) return settled;
    if (plan.kind !== "plan") throw new Error(`unreachable: a ${plan.kind} plan is always settled`);
    const identity = await this.#checkIdentity(disk);
    const op = repo.create({
      backend: this.name,
      kind: "add",
      device: disk.path,
      deviceIdentity: identity,
      osdId: plan.osdId,
      osdFsid: plan.resumeFromLabel ? label?.osdFsid ?? null : null,
      plan: plan.steps,
      stepNames: plan.steps.map((s) => s.name),
      state: { walDb: facts.walDb, target: facts.limits.target },
    });
    return await this.#execute(op.id, "add", options, false);
  }

  /**
   * The weigh-in limits of an add: `target_weight` when configured, else the previous CRUSH
   * weight of the OSD id (recorded when Bynar removed it, or still in the CRUSH map of the
   * destroyed OSD), else {@linkcode DEFAULT_TARGET_WEIGHT}.
   */
  #addLimits(osdId: number | null, tree: readonly TreeOsd[]): WeighInLimits {
    if (this.#d.config.target_weight !== undefined || osdId === null) return this.#limits;
    const previous = previousCrushWeight(osdId, {
      ops: this.#d.repo.list({ limit: 500 }),
      tree,
    });
    return previous === null ? this.#limits : { ...this.#limits, target: previous };
  }

  /** The facts of this disk's safety check when it ran just now (taken once). */
  #takeRecentFacts(disk: DiskRef): RemoveFacts | null {
    const key = factsKey(disk);
    const recent = this.#recent.get(key);
    this.#recent.delete(key);
    if (!recent) return null;
    const age = this.#d.clock.now() - recent.at;
    return age >= 0 && age <= FACTS_REUSE_MS ? recent.facts : null;
  }

  async #checkIdentity(disk: DiskRef): Promise<string | null> {
    const seen = await this.#d.host.identity(disk.path);
    if (disk.identity && seen && disk.identity !== seen && !seen.endsWith(disk.identity)) {
      throw new SafetyError(
        "device_changed",
        `Cannot use "${disk.path}": it is ${seen}, not ${disk.identity} as the caller expected`,
        { device: disk.path },
      );
    }
    return seen;
  }

  async #execute(
    opId: number,
    kind: "remove" | "add",
    options: MutateOptions,
    resumed: boolean,
  ): Promise<OpResult> {
    const done = await runJournaled(
      opId,
      {
        handlers: kind === "remove" ? REMOVE_STEPS : ADD_STEPS,
        deps: this.#deps(),
        resumed,
        onProgress: options.onProgress,
        signal: options.signal,
        rerunOnResume: ["set_scrub_flags"],
        onError: async (run) => {
          await restoreScrubFlags(run);
        },
      },
    );
    const plan = (done.plan as PlanStep[]).map((s, i) => ({
      ...s,
      description: `${s.description} — ${done.steps[i]?.detail ?? ""}`.trim(),
    }));
    return {
      outcome: "Success",
      message: `${kind === "remove" ? "removed" : "added"} osd.${done.osdId} on ${done.device}${
        resumed ? ` (resumed operation ${done.id})` : ""
      }`,
      ...(done.osdId !== null ? { osdId: done.osdId } : {}),
      plan,
    };
  }

  /**
   * Reports health, version, flags and running operations.
   *
   * @returns The status.
   */
  async status(): Promise<BackendStatus> {
    const [health, version, dump] = await Promise.all([
      this.#d.api.health(),
      this.#d.api.version(),
      this.#d.api.osdDump(),
    ]);
    return {
      backend: this.name,
      health,
      details: {
        fsid: this.#d.api.fsid(),
        version: `${version.major}.${version.minor}.${version.patch}`,
        release: version.release,
        flags: dump.flags,
        osds: dump.osds.length,
        up: dump.osds.filter((o) => o.up).length,
        in: dump.osds.filter((o) => o.in).length,
        runningOperations: this.#d.repo.list({ status: "running" }).map((o) => ({
          id: o.id,
          kind: o.kind,
          device: o.device,
          osdId: o.osdId,
          step: o.steps.find((s) => s.status !== "done")?.name ?? null,
        })),
      },
    };
  }

  /** Releases the connection handle (the shared librados connection stays cached). */
  close(): void {
    this.#d.onClose?.();
  }
}

function factsKey(disk: DiskRef): string {
  return JSON.stringify([disk.path, disk.osdId ?? null, disk.identity ?? null]);
}

/** The weigh-in target when none is configured and the OSD's previous weight is unknown. */
export const DEFAULT_TARGET_WEIGHT = 1.0;

/**
 * The previous CRUSH weight of an OSD id: the weight recorded by Bynar's latest removal of
 * it, else its weight in the CRUSH map while destroyed. Pure.
 *
 * @param osdId The OSD id.
 * @param facts The operation journal (newest first) and `osd tree`.
 * @returns The weight, or null when unknown or 0.
 */
export function previousCrushWeight(
  osdId: number,
  facts: {
    ops: readonly { kind: string; osdId: number | null; state: Record<string, unknown> }[];
    tree: readonly TreeOsd[];
  },
): number | null {
  for (const op of facts.ops) {
    if (op.kind !== "remove" || op.osdId !== osdId) continue;
    const w = op.state.crushWeight;
    if (typeof w === "number" && w > 0) return w;
  }
  const w = facts.tree.find((t) => t.id === osdId)?.crushWeight ?? 0;
  return w > 0 ? w : null;
}
