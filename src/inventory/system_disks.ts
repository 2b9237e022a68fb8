/**
 * System-disk detection (fix for B-05): which whole disks hold /, /boot, /boot/efi or
 * active swap — directly, through a partition, or under device-mapper/MD stacking — or
 * are listed in ceph.json `system_disks`. Pure: works on sysfs facts already read.
 *
 * @module
 */
import { SafetyError } from "../errors.ts";
import type { BlockDisk, Mount } from "./model.ts";
import type { SwapEntry } from "./swaps.ts";
import type { SysBlockDevice } from "./sysfs.ts";

/** Mount points whose disks are system disks by default. */
export const SYSTEM_MOUNTPOINTS: readonly string[] = Object.freeze(["/", "/boot", "/boot/efi"]);

/** Input of {@linkcode findSystemDisks}. */
export interface SystemDiskInput {
  /** Every /sys/block entry (not only the candidates: stacking needs all of them). */
  devices: SysBlockDevice[];
  /** Mounts from mountinfo. */
  mounts: Mount[];
  /** Active swap areas. */
  swaps: SwapEntry[];
  /**
   * Resolves a device path (`/dev/sda1`, `/dev/mapper/vg-root`, a by-id link) to a kernel
   * name, or null.
   */
  resolveName: (path: string) => string | null;
  /** Paths listed in ceph.json `system_disks`. */
  systemDisks?: string[];
  /**
   * Mount points that make a disk a system disk.
   * @default SYSTEM_MOUNTPOINTS
   */
  systemMountpoints?: readonly string[];
}

/** Partition/stacking relations between block devices, from sysfs. */
export class BlockGraph {
  /** Partition name → its whole disk. */
  readonly parentOf: Map<string, string> = new Map();
  /** `major:minor` → kernel name (disks and partitions). */
  readonly byDevno: Map<string, string> = new Map();
  /** Upper device → the devices it is built on (slaves, and reverse holders). */
  readonly lower: Map<string, Set<string>> = new Map();

  /**
   * Builds the graph.
   *
   * @param devices Every /sys/block entry.
   */
  constructor(devices: SysBlockDevice[]) {
    for (const d of devices) {
      this.byDevno.set(d.devno, d.name);
      for (const s of d.slaves) this.#edge(d.name, s);
      for (const h of d.holders) this.#edge(h, d.name);
      for (const p of d.partitions) {
        this.parentOf.set(p.name, d.name);
        this.byDevno.set(p.devno, p.name);
        for (const h of p.holders) this.#edge(h, p.name);
      }
    }
  }

  #edge(upper: string, lower: string): void {
    let set = this.lower.get(upper);
    if (!set) this.lower.set(upper, set = new Set());
    set.add(lower);
  }

  /**
   * The whole disks a device ultimately lives on, each with the chain that leads there
   * (e.g. `dm-0 → vda2 → vda` gives `{ disk: "vda", chain: ["dm-0", "vda2"] }`).
   *
   * @param name A disk, partition or stacked device name.
   * @returns The base disks (the device itself when nothing is below it).
   */
  baseDisks(name: string): { disk: string; chain: string[] }[] {
    const out: { disk: string; chain: string[] }[] = [];
    const seen = new Set<string>();
    const walk = (n: string, chain: string[]): void => {
      if (seen.has(n)) return;
      seen.add(n);
      const parent = this.parentOf.get(n);
      if (parent !== undefined) {
        walk(parent, [...chain, n]);
        return;
      }
      out.push({ disk: n, chain: chain.length === 0 ? [n] : chain });
      for (const l of this.lower.get(n) ?? []) walk(l, [...chain, n]);
    };
    walk(name, []);
    return out;
  }
}

function mountDevice(m: Mount, graph: BlockGraph, resolve: (p: string) => string | null) {
  return graph.byDevno.get(m.devno) ??
    (m.source.startsWith("/") ? resolve(m.source) : null);
}

/**
 * Finds the system disks.
 *
 * A whole disk is a system disk when it, one of its partitions, or anything stacked on
 * it (dm/md, followed through `slaves/` and `holders/`) holds a system mount point or an
 * active swap area (a swap file counts for the device of the filesystem it lives on), or
 * when ceph.json `system_disks` lists it or one of its partitions (by-id links resolved).
 *
 * @param input sysfs devices, mounts, swaps, configured paths.
 * @returns Disk name → reason, e.g. `holds / (vda)`, `holds swap (dm-1 on sda3)`.
 */
export function findSystemDisks(input: SystemDiskInput): Map<string, string> {
  const graph = new BlockGraph(input.devices);
  const reasons = new Map<string, string[]>();
  const add = (device: string, what: string): void => {
    for (const { disk, chain } of graph.baseDisks(device)) {
      const why = `${what} (${chain.join(" on ")})`;
      const list = reasons.get(disk) ?? [];
      if (!list.includes(why)) list.push(why);
      reasons.set(disk, list);
    }
  };
  const systemMountpoints = input.systemMountpoints ?? SYSTEM_MOUNTPOINTS;
  for (const m of input.mounts) {
    if (!systemMountpoints.includes(m.mountpoint)) continue;
    const dev = mountDevice(m, graph, input.resolveName);
    if (dev) add(dev, `holds ${m.mountpoint}`);
  }
  for (const s of input.swaps) {
    let dev: string | null = null;
    let what = "holds swap";
    if (s.type === "file") {
      const fsMount = longestPrefixMount(input.mounts, s.filename);
      dev = fsMount ? mountDevice(fsMount, graph, input.resolveName) : null;
      what = `holds swap file ${s.filename}`;
    } else {
      dev = input.resolveName(s.filename);
    }
    if (dev) add(dev, what);
  }
  for (const path of input.systemDisks ?? []) {
    const name = input.resolveName(path);
    if (name === null) continue;
    const disk = graph.parentOf.get(name) ?? name;
    const why = `listed in system_disks (${path})`;
    const list = reasons.get(disk) ?? [];
    if (!list.includes(why)) list.push(why);
    reasons.set(disk, list);
  }
  return new Map([...reasons].map(([disk, list]) => [disk, list.join("; ")]));
}

/**
 * The mount whose mount point is the longest prefix of `path` (the filesystem a file
 * lives on). Later mounts over the same point win.
 *
 * @param mounts Mounts in mountinfo order.
 * @param path An absolute file path.
 * @returns The mount, or null.
 */
export function longestPrefixMount(mounts: Mount[], path: string): Mount | null {
  let best: Mount | null = null;
  for (const m of mounts) {
    const mp = m.mountpoint;
    const inside = mp === "/" || path === mp || path.startsWith(mp.endsWith("/") ? mp : mp + "/");
    if (inside && (best === null || mp.length >= best.mountpoint.length)) best = m;
  }
  return best;
}

/**
 * Refuses system disks: call before any action that changes a disk.
 *
 * @param disk The disk about to be touched.
 * @throws {SafetyError} `system_disk` when `disk.systemReason` is set.
 */
export function assertNotSystemDisk(disk: BlockDisk): void {
  if (disk.systemReason === null) return;
  throw new SafetyError(
    "system_disk",
    `Refusing to touch "${disk.path}": it is a system disk (${disk.systemReason}). ` +
      `Bynar never changes disks holding /, /boot, /boot/efi or swap, or listed in ` +
      `ceph.json system_disks`,
    { device: disk.path },
  );
}
