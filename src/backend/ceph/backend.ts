/**
 * The Ceph backend: gathers facts, plans (pure), and runs the plan through the journaled
 * executor. Simulate stops after planning (no journal row, no cluster or device change).
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import { ConfigError, SafetyError } from "../../errors.ts";
import type { CephConfig } from "../../config/schema.ts";
import { type CommandRunner, SYSTEM_RUNNER } from "../../process/run.ts";
import { hostNamespaceRunner } from "../../process/transient_unit.ts";
import { BackendOpsRepo } from "../../store/backend_ops_repo.ts";
import * as hostfs from "../../hostfs/mod.ts";
import { getRadosConnection } from "../../../ffi/librados/mod.ts";
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
import { type AddFacts, type AddPlanResult, planAdd } from "./add_plan.ts";
import { ADD_STEPS } from "./add_steps.ts";
import { type CephClusterApi, RadosClusterApi } from "./cluster_api.ts";
import { createDaemonControl, type OsdDaemonControl } from "./daemon_control.ts";
import {
  chooseWalDb,
  isConfiguredSystemDisk,
  isJournalDevice,
  splitPartition,
} from "./device_paths.ts";
import { restoreScrubFlags, runJournaled, type StepDeps } from "./executor.ts";
import { type CephHost, createCephHost } from "./host.ts";
import { decideBudget, LEASE_PREFIX, parseLeases } from "./lease.ts";
import { findAbsentOsd } from "./absent_osd.ts";
import type { OsdDump, OsdMetadata, TreeOsd, VolumeOsd } from "./parse.ts";
import {
  blockingReasons,
  type PlanContext,
  planRemove,
  type RemoveFacts,
  type RemovePlanResult,
} from "./remove_plan.ts";
import { REMOVE_STEPS } from "./remove_steps.ts";
import { TransientRetryingClusterApi } from "./transient.ts";
import { readGptEntry } from "./gpt.ts";
import type { WalFact } from "./wal_partition.ts";
import { type Clock, SYSTEM_CLOCK } from "../../shared/clock.ts";
import type { WeighInLimits } from "./weigh_in.ts";

/** Lowest supported Ceph major release (Nautilus). */
export const MIN_CEPH_MAJOR = 14;

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
  /** Journal. */
  repo: BackendOpsRepo;
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
    this.#limits = {
      target: c.target_weight ?? DEFAULT_TARGET_WEIGHT,
      increment: c.increment,
      backfillCap: c.backfill_cap,
      latencyCapMs: c.latency_cap,
    };
  }

  /** The operation journal (for status pages and tests). */
  get journal(): BackendOpsRepo {
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
      leaseSeconds: c.removal_lease_seconds,
      weighInTimeoutSeconds: c.weigh_in_timeout_seconds,
    };
  }

  async #systemReason(device: string): Promise<string | null> {
    if (isConfiguredSystemDisk(device, this.#d.config)) return "listed in system_disks";
    return await this.#d.host.systemReason(device);
  }

  async #labelOf(device: string): Promise<VolumeOsd | null> {
    const mode = this.#d.config.osd_create_mode;
    const first = await this.#d.host.label(device, mode);
    if (first) return first;
    return await this.#d.host.label(device, mode === "lvm" ? "raw" : "lvm").catch(() => null);
  }

  async #osdOnDevice(device: string): Promise<{ id: number; fsid: string } | null> {
    const label = await this.#labelOf(device);
    if (label && label.clusterFsid === this.#d.api.fsid()) {
      return { id: label.osdId, fsid: label.osdFsid };
    }
    const host = this.#d.host.hostname();
    const meta = (await this.#d.api.osdMetadata()).find((m) =>
      m.devicePath === device && m.hostname.split(".")[0] === host
    );
    if (!meta) return null;
    const uuid = (await this.#d.api.osdDump()).osds.find((o) => o.id === meta.id)?.uuid ?? "";
    return { id: meta.id, fsid: uuid };
  }

  /**
   * The OSD of a device that is present (its label, else this host's metadata naming the
   * path); refuses when the caller's `osdId` names another OSD.
   */
  async #osdOfPresent(disk: DiskRef): Promise<{ id: number; fsid: string } | null> {
    const osd = await this.#osdOnDevice(disk.path);
    if (osd && disk.osdId !== undefined && osd.id !== disk.osdId) {
      throw new SafetyError(
        "osd_mismatch",
        `Cannot remove "${disk.path}": it carries osd.${osd.id}, not osd.${disk.osdId} as the caller expected; list the disks again`,
        { device: disk.path },
      );
    }
    return osd;
  }

  /** The OSD of a device that is gone, from this host's `osd metadata` (B-24). */
  async #osdOfAbsent(disk: DiskRef, dump: OsdDump): Promise<{ id: number; fsid: string } | null> {
    const meta: OsdMetadata[] = await this.#d.api.osdMetadata();
    const journaled = this.#d.repo.list({ limit: 500 }).filter((op) =>
      op.device === disk.path && op.osdId !== null
    ).map((op) => op.osdId!);
    return findAbsentOsd(disk, {
      host: this.#d.host.hostname(),
      metadata: meta,
      dump,
      journaled,
    });
  }

  /**
   * Whether the device at a path is a different, BLANK disk than the identity the caller
   * named (a replacement already in the bay). A different disk carrying an OSD label is not:
   * the request is refused as `device_changed` instead.
   */
  async #anotherDisk(device: string, identity: string | undefined): Promise<boolean> {
    if (!identity) return false;
    const seen = await this.#d.host.identity(device);
    if (seen === null || seen === identity || seen.endsWith(identity)) return false;
    return !(await this.#labelOf(device));
  }

  async #removeFacts(disk: DiskRef): Promise<RemoveFacts> {
    const { api, host } = this.#d;
    const device = disk.path;
    const systemReason = await this.#systemReason(device);
    const untouchable = systemReason !== null || isJournalDevice(device, this.#d.config);
    // The disk is gone when its path is empty — or holds ANOTHER disk (a replacement put in
    // the bay before the dead one's OSD was removed): that disk is never touched; the dead
    // disk's OSD is found in the cluster metadata (B-24).
    const absent = !untouchable &&
      (!(await host.present(device)) || await this.#anotherDisk(device, disk.identity));
    const [dump, tree] = await Promise.all([api.osdDump(), api.osdTree()]);
    const osd = untouchable
      ? null
      : absent
      ? await this.#osdOfAbsent(disk, dump)
      : await this.#osdOfPresent(disk);
    let budgetRefusal: string | null = null;
    if (osd) {
      const leases = parseLeases(await api.keys.dump(LEASE_PREFIX));
      const d = decideBudget(leases, {
        osdId: osd.id,
        now: this.#d.clock.now(),
        max: this.#d.config.max_concurrent_removals,
        destroyed: dump.osds.filter((o) => o.state.includes("destroyed")).map((o) => o.id),
      });
      if (!d.ok) budgetRefusal = d.reason;
    }
    const dir = osd ? `${this.#ctx.osdDataRoot}/${this.#ctx.cluster}-${osd.id}` : "";
    const { journal_devices, osd_config } = this.#d.config;
    return {
      device,
      systemReason,
      journalDevice: isJournalDevice(device, this.#d.config),
      osd,
      host: osd ? tree.find((t) => t.id === osd.id)?.host ?? null : null,
      dump,
      dataDirMounted: osd ? await host.isMounted(dir) : false,
      deviceLabelled: untouchable || absent ? false : !!(await this.#labelOf(device)),
      deviceAbsent: absent,
      budgetRefusal,
      wal: osd ? await this.#walOf(osd.id) : null,
      journals: { journal_devices, osd_config },
    };
  }

  /**
   * The dedicated WAL (or FileStore journal) of this host's `osdId` from `osd metadata`,
   * with its PARTUUID when it is a partition of a configured journal device (read-only
   * `sgdisk --info`; null when unreadable, which keeps the partition).
   */
  async #walOf(osdId: number): Promise<WalFact | null> {
    const meta = (await this.#d.api.osdMetadata().catch(() => [] as OsdMetadata[]))
      .find((m) => m.id === osdId);
    if (!meta || meta.hostname.split(".")[0] !== this.#d.host.hostname()) return null;
    let path = meta.walPath ?? null;
    if (!path && meta.journalPath) {
      try {
        path = hostfs.realPathSync(meta.journalPath); // FileStore: the `journal` link
      } catch {
        path = null; // dangling link: nothing to clean up
      }
    }
    if (!path) return null;
    const split = splitPartition(path);
    if (!split || !isJournalDevice(split.disk, this.#d.config)) return { path, partUuid: null };
    const host = this.#d.host;
    const entry = await readGptEntry(split.disk, split.number, (c) => host.exec(c, 60_000))
      .catch(() => null);
    return { path, partUuid: entry?.partUuid ?? null };
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
    const f = await this.#removeFacts(disk);
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
      const stop = await this.#d.api.okToStop(id);
      if (!stop.ok) reasons.push(stop.reason);
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
    const facts = await this.#removeFacts(disk);
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
      state: {
        ...(plan.walPartition ? { walPartition: plan.walPartition } : {}),
        // Recorded for the replacement's weigh-in target.
        crushWeight: (await this.#d.api.osdTree()).find((t) => t.id === plan.osdId)?.crushWeight ??
          null,
      },
    });
    return await this.#execute(op.id, "remove", options, false);
  }

  async #add(disk: DiskRef, options: MutateOptions): Promise<OpResult> {
    const repo = this.#d.repo;
    const running = repo.findRunning(this.name, { kind: "add", device: disk.path });
    if (running && !options.simulate) return await this.#execute(running.id, "add", options, true);
    const { api, host } = this.#d;
    // Never even read a system or journal disk.
    const systemReason = await this.#systemReason(disk.path);
    if (systemReason) {
      return { outcome: "Skipped", message: `system disk: ${systemReason}`, plan: [] };
    }
    const [label, dump, tree] = await Promise.all([
      isJournalDevice(disk.path, this.#d.config) ? null : this.#labelOf(disk.path),
      api.osdDump(),
      api.osdTree(),
    ]);
    const hostname = host.hostname();
    const inUse = new Set<string>();
    for (const l of await host.listOsds()) {
      if (l.walDevice) inUse.add(l.walDevice);
      if (l.dbDevice) inUse.add(l.dbDevice);
    }
    const facts: AddFacts = {
      device: disk.path,
      systemReason,
      journalDevice: isJournalDevice(disk.path, this.#d.config),
      label,
      clusterFsid: api.fsid(),
      requestedId: options.osdId ?? null,
      dump,
      tree,
      host: hostname,
      walDb: chooseWalDb(disk.path, this.#d.config, {
        partitionCount: (d) => countPartitions(d),
        inUse,
      }),
      mode: this.#d.config.osd_create_mode,
      limits: this.#addLimits(options.osdId ?? null, tree),
    };
    let plan = planAdd(facts, this.#ctx);
    if (plan.kind === "plan" && plan.osdId !== facts.requestedId) {
      facts.limits = this.#addLimits(plan.osdId, tree);
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
  #addLimits(osdId: number | null, tree: TreeOsd[]): WeighInLimits {
    if (this.#d.config.target_weight !== undefined || osdId === null) return this.#limits;
    const previous = previousCrushWeight(osdId, {
      ops: this.#d.repo.list({ limit: 500 }),
      tree,
    });
    return previous === null ? this.#limits : { ...this.#limits, target: previous };
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

function countPartitions(disk: string): number {
  const name = disk.replace(/^\/dev\//, "");
  let n = 0;
  try {
    for (const e of hostfs.readDirSync(`/sys/class/block/${name}`)) {
      if (e.name.startsWith(name)) n++;
    }
  } catch { /* unknown disk */ }
  return n;
}

/** Options of {@linkcode createCephBackend}. */
export interface CreateCephBackendOptions {
  /** The database holding the operation journal (migrated). */
  db: DatabaseSync;
  /** Program runner. */
  runner?: CommandRunner;
  /** Clock. */
  clock?: Clock;
  /**
   * OSD data root.
   * @default "/var/lib/ceph/osd"
   */
  osdDataRoot?: string;
  /** Log sink (transient Ceph answers that were asked again). */
  log?: (line: string) => void;
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

/**
 * Connects (one shared librados connection per process), checks the release (14+, B-52)
 * and `pool_name`, and builds the Ceph backend.
 *
 * @param config Validated ceph.json.
 * @param options Database, runner, clock.
 * @returns The backend.
 * @throws {ConfigError} When the release is older than Nautilus or `pool_name` is missing.
 * @throws {RadosError} When the cluster cannot be reached within `client_mount_timeout`.
 */
export async function createCephBackend(
  config: CephConfig,
  options: CreateCephBackendOptions,
): Promise<CephBackend> {
  const rados = await getRadosConnection({
    confPath: config.config_file,
    user: config.user_id,
    cluster: config.cluster_name,
    mountTimeoutSeconds: config.client_mount_timeout,
    ...(config.keyring ? { conf: { keyring: config.keyring } } : {}),
  });
  const log = options.log;
  const api = new TransientRetryingClusterApi(new RadosClusterApi(rados), {
    deadlineMs: config.transient_retry_seconds * 1000,
    ...(log
      ? {
        onRetry: (what: string, reason: string, attempt: number) =>
          log(`ceph: ${what}: not yet (${reason}); asking again (attempt ${attempt + 1})`),
      }
      : {}),
  });
  const version = await api.version();
  if (version.major < MIN_CEPH_MAJOR) {
    throw new ConfigError(
      "ceph.json",
      `Cannot use Ceph ${version.major}.${version.minor}.${version.patch}: Bynar supports Ceph ${MIN_CEPH_MAJOR} (Nautilus) and later`,
    );
  }
  if (config.pool_name && !(await api.pools()).includes(config.pool_name)) {
    throw new ConfigError(
      "ceph.json",
      `Cannot use pool_name "${config.pool_name}": no such pool in the cluster`,
      { field: "pool_name" },
    );
  }
  // Under systemd, ceph-volume and umount run in transient units of the host's mount
  // namespace, so OSD mounts reach ceph-osd@N (see process/transient_unit.ts).
  const base = options.runner ?? SYSTEM_RUNNER;
  const runner = config.daemon_control === "systemd" ? hostNamespaceRunner(base) : base;
  let runDir = "/run/ceph";
  try {
    runDir = rados.confGet("run_dir");
  } catch { /* default */ }
  return new CephBackend({
    config,
    api,
    host: createCephHost({
      runner,
      volume: {
        confPath: config.config_file,
        allowLoop: config.allow_loop_devices,
        ...(config.ceph_volume_log_dir ? { logDir: config.ceph_volume_log_dir } : {}),
      },
      systemDisks: config.system_disks.map((d) => d.device),
    }),
    daemons: createDaemonControl({
      kind: config.daemon_control,
      runner,
      cluster: config.cluster_name,
      confPath: config.config_file,
      runDir,
    }),
    repo: new BackendOpsRepo(options.db),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.osdDataRoot ? { osdDataRoot: options.osdDataRoot } : {}),
  });
}

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
function settledResult(
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
