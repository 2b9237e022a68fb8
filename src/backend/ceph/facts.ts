/**
 * Fact gathering of the Ceph backend: what the remove and add plans need from the cluster
 * (OSD map, tree, metadata, leases) and from this host (system disks, labels, mounts, the
 * WAL partition), read through the cluster and host ports.
 *
 * @module
 */
import { SafetyError } from "../../errors.ts";
import type { CephConfig } from "../../config/schema.ts";
import type { DiskRef } from "../types.ts";
import type { AddFacts } from "./add_plan.ts";
import { findAbsentOsd } from "./absent_osd.ts";
import type { CephClusterApi } from "./cluster_api.ts";
import {
  chooseWalDb,
  isConfiguredSystemDisk,
  isJournalDevice,
  splitPartition,
} from "./device_paths.ts";
import { readGptEntry } from "./gpt.ts";
import type { CephHost } from "./host.ts";
import type { OpsJournal } from "./journal.ts";
import { decideBudget, domainBudget, drainingSet, LEASE_PREFIX, parseLeases } from "./lease.ts";
import type { OsdDump, OsdMetadata, VolumeOsd } from "./parse.ts";
import type { PlanContext, RemoveFacts } from "./remove_plan.ts";
import type { WalFact } from "./wal_partition.ts";
import type { Clock } from "../../shared/clock.ts";
import type { WeighInLimits } from "./weigh_in.ts";

/** What {@linkcode CephFacts} reads through. */
export interface CephFactsDeps {
  /** Validated ceph.json. */
  config: CephConfig;
  /** Cluster adapter. */
  api: CephClusterApi;
  /** Host adapter. */
  host: CephHost;
  /** The operation journal (OSD ids of earlier removals). */
  repo: OpsJournal;
  /** Clock (lease expiry). */
  clock: Clock;
  /** Plan context (OSD data root, cluster name). */
  ctx: PlanContext;
}

/** The facts of an add, or the system-disk reason that stops it before any read. */
export type AddFactsResult = { systemReason: string } | { facts: AddFacts };

/** Gathers the facts of the Ceph backend's plans. */
export class CephFacts {
  #d: CephFactsDeps;

  /**
   * Creates the gatherer.
   *
   * @param deps Ports, config, clock and plan context.
   */
  constructor(deps: CephFactsDeps) {
    this.#d = deps;
  }

  /**
   * Why a device is a system disk (configured or detected), or null.
   *
   * @param device The device.
   * @returns The reason, or null.
   */
  async systemReason(device: string): Promise<string | null> {
    if (isConfiguredSystemDisk(device, this.#d.config)) return "listed in system_disks";
    return await this.#d.host.systemReason(device);
  }

  /**
   * The OSD label on a device: the configured mode first, then the other one.
   *
   * @param device The device.
   * @returns The label, or null when blank.
   */
  async labelOf(device: string): Promise<VolumeOsd | null> {
    const mode = this.#d.config.osd_create_mode;
    const first = await this.#d.host.label(device, mode);
    if (first) return first;
    return await this.#d.host.label(device, mode === "lvm" ? "raw" : "lvm").catch(() => null);
  }

  async #osdOnDevice(
    device: string,
    label: VolumeOsd | null,
  ): Promise<{ id: number; fsid: string } | null> {
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
  async #osdOfPresent(
    disk: DiskRef,
    label: VolumeOsd | null,
  ): Promise<{ id: number; fsid: string } | null> {
    const osd = await this.#osdOnDevice(disk.path, label);
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

  /** Whether the device at a path is a blank disk other than the identity the caller named. */
  async #anotherBlankDisk(device: string, identity: string | undefined): Promise<boolean> {
    if (!identity) return false;
    const seen = await this.#d.host.identity(device);
    if (seen === null || seen === identity || seen.endsWith(identity)) return false;
    return !(await this.labelOf(device));
  }

  /**
   * Gathers everything the removal plan needs (each source read once: the device label,
   * the OSD map, the tree, leases, the WAL).
   *
   * @param disk The disk.
   * @returns The facts.
   */
  async removeFacts(disk: DiskRef): Promise<RemoveFacts> {
    const { api, host } = this.#d;
    const device = disk.path;
    const systemReason = await this.systemReason(device);
    const untouchable = systemReason !== null || isJournalDevice(device, this.#d.config);
    // The disk is gone when its path is empty — or holds ANOTHER, blank disk (a replacement
    // put in the bay before the dead one's OSD was removed): that disk is never touched; the
    // dead disk's OSD is found in the cluster metadata (B-24). A different disk carrying an
    // OSD label is not "gone": the request is refused as device_changed.
    const absent = !untouchable &&
      (!(await host.present(device)) || await this.#anotherBlankDisk(device, disk.identity));
    const [dump, tree] = await Promise.all([api.osdDump(), api.osdTree()]);
    // Read the label once: it names the OSD and says whether the device is labelled.
    const label = untouchable || absent ? null : await this.labelOf(device);
    const osd = untouchable
      ? null
      : absent
      ? await this.#osdOfAbsent(disk, dump)
      : await this.#osdOfPresent(disk, label);
    let budgetRefusal: string | null = null;
    let draining: number[] = [];
    if (osd) {
      const leases = parseLeases(await api.keys.dump(LEASE_PREFIX));
      const destroyed = dump.osds.filter((o) => o.state.includes("destroyed")).map((o) => o.id);
      const now = this.#d.clock.now();
      const d = decideBudget(leases, {
        osdId: osd.id,
        now,
        max: this.#d.config.max_concurrent_removals,
        destroyed,
        domains: domainBudget(tree, this.#d.config),
      });
      if (!d.ok) budgetRefusal = d.reason;
      draining = drainingSet(leases, { osdId: osd.id, now, destroyed });
    }
    const dir = osd ? `${this.#d.ctx.osdDataRoot}/${this.#d.ctx.cluster}-${osd.id}` : "";
    const { journal_devices, osd_config } = this.#d.config;
    return {
      device,
      systemReason,
      journalDevice: isJournalDevice(device, this.#d.config),
      osd,
      host: osd ? tree.find((t) => t.id === osd.id)?.host ?? null : null,
      dump,
      dataDirMounted: osd ? await host.isMounted(dir) : false,
      deviceLabelled: !!label,
      deviceAbsent: absent,
      budgetRefusal,
      draining,
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
      // FileStore: the `journal` link; a dangling link has nothing to clean up.
      path = this.#d.host.resolveLink(meta.journalPath);
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
   * Gathers everything the add plan needs; a system disk is never even read.
   *
   * @param disk The disk.
   * @param options The OSD id the caller asks for, and the weigh-in limits.
   * @returns The facts, or the system-disk reason.
   */
  async addFacts(
    disk: DiskRef,
    options: { osdId?: number | undefined; limits: WeighInLimits },
  ): Promise<AddFactsResult> {
    const { api, host, config } = this.#d;
    const systemReason = await this.systemReason(disk.path);
    if (systemReason) return { systemReason };
    const [label, dump, tree] = await Promise.all([
      isJournalDevice(disk.path, config) ? null : this.labelOf(disk.path),
      api.osdDump(),
      api.osdTree(),
    ]);
    const inUse = new Set<string>();
    for (const l of await host.listOsds()) {
      if (l.walDevice) inUse.add(l.walDevice);
      if (l.dbDevice) inUse.add(l.dbDevice);
    }
    return {
      facts: {
        device: disk.path,
        systemReason,
        journalDevice: isJournalDevice(disk.path, config),
        label,
        clusterFsid: api.fsid(),
        requestedId: options.osdId ?? null,
        dump,
        tree,
        host: host.hostname(),
        walDb: chooseWalDb(disk.path, config, {
          partitionCount: (d) => host.partitionCount(d),
          inUse,
        }),
        mode: config.osd_create_mode,
        limits: options.limits,
      },
    };
  }
}
