/**
 * Disk discovery: /sys/block + partitions, mountinfo, /proc/swaps, udev data,
 * /dev/disk/by-id and libblkid, assembled into {@linkcode BlockDisk} values. No lsblk.
 *
 * @module
 */
import { type ProbeRegion, probeSuperblock, type SuperblockInfo } from "../../ffi/libblkid/mod.ts";
import { BynarError, errorMessage, FfiError } from "../errors.ts";
import { isHostFsFailure, loopBackingId, readTextSync, statSync } from "../hostfs/mod.ts";
import { classifyDisk, defaultSkipReason } from "./classify.ts";
import { readByIdLinks, resolveDeviceName } from "./dev_links.ts";
import { buildIdentity, chooseByIdLink } from "./identity.ts";
import {
  type BlockDisk,
  DEFAULT_ROOTS,
  type FsInfo,
  type Mount,
  type Partition,
  type Roots,
} from "./model.ts";
import { parseMountinfo } from "./mountinfo.ts";
import { parseSwaps, type SwapEntry } from "./swaps.ts";
import { readSysBlock, type SysBlockDevice } from "./sysfs.ts";
import { BlockGraph, findSystemDisks } from "./system_disks.ts";
import { readUdevData } from "./udev.ts";

/** Reads a superblock; the default is libblkid's {@linkcode probeSuperblock}. */
export type SuperblockProbe = (
  path: string,
  region?: ProbeRegion,
) => Promise<SuperblockInfo | null>;

/** A file's device and inode numbers. */
export interface FileId {
  /** `st_dev`. */
  dev: number;
  /** `st_ino`. */
  ino: number;
}

/** Options for {@linkcode discoverDisks}. */
export interface DiscoverOptions {
  /**
   * Host roots (sysfs, procfs, /dev, udev data).
   * @default DEFAULT_ROOTS
   */
  roots?: Roots;
  /**
   * Include attached loop devices (labs and tests).
   * @default false
   */
  includeLoop?: boolean;
  /**
   * Allow-list of loop devices (labs): device paths (`/dev/loop3`) or globs on the backing
   * file (`/var/lib/lab/osd-*.img`). When given, only listed loop devices are included (and
   * loop devices are included without `includeLoop`); every other loop device is skipped.
   * @default undefined (`includeLoop` decides for all loop devices)
   */
  loopDevices?: readonly string[] | undefined;
  /**
   * Restrict discovery to exactly these device paths (`/dev/loop3`, by-id links; a
   * partition path selects its disk). Unknown paths are reported in `skipped`.
   * @default undefined (every device)
   */
  devices?: string[] | undefined;
  /**
   * ceph.json `system_disks` paths; by-id links are resolved, partitions mark their disk.
   * @default []
   */
  systemDisks?: string[];
  /**
   * Read filesystem type/UUID/label with libblkid (read-only).
   * @default true
   */
  probeFilesystems?: boolean;
  /**
   * The superblock reader.
   * @default probeSuperblock (libblkid)
   */
  probe?: SuperblockProbe;
  /**
   * Stats a loop device's backing file for its identity (tests with fixture trees).
   * @default the kernel's LOOP_GET_STATUS64 answer for the device, else a stat of the file
   */
  statFile?: (path: string) => FileId | null;
}

/** A device discovery left out, and why. */
export interface SkippedDevice {
  /** Kernel name. */
  name: string;
  /** Device path. */
  path: string;
  /** Why it was skipped. */
  reason: string;
}

/** The result of {@linkcode discoverDisks}. */
export interface DiscoverResult {
  /** Candidate disks (system disks included, marked by `systemReason`), sorted by name. */
  disks: BlockDisk[];
  /** Devices left out, with reasons. */
  skipped: SkippedDevice[];
  /** Non-fatal problems (e.g. a superblock that could not be read). */
  warnings: string[];
}

const NO_FS: FsInfo = Object.freeze({ type: null, uuid: null, label: null });

/**
 * The backing file's identity of a real loop device: asked of the kernel
 * (LOOP_GET_STATUS64), so the backing file need not be readable in the sandbox; falls back to
 * stat-ing the file when the ioctl is not possible.
 */
function defaultLoopId(devicePath: string, backingFile: string): FileId | null {
  try {
    // null: the kernel says nothing is attached (any more: detached since sysfs was read).
    // Never fall back to the backing file then: it may be anyone's file, outside the
    // sandbox's grants, and a refusal there would fail the whole discovery.
    return loopBackingId(devicePath);
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return null; // the device node is gone
    if (isHostFsFailure(err) && !(err instanceof Deno.errors.NotCapable)) throw err;
  }
  // The ioctl cannot be sent (not a /dev path, e.g. a fixture tree): stat the file.
  return defaultStat(backingFile);
}

function defaultStat(path: string): FileId | null {
  try {
    const st = statSync(path);
    return { dev: st.dev, ino: st.ino };
  } catch (err) {
    if (isHostFsFailure(err)) throw err;
    return null;
  }
}

function readProcFile(path: string, optional: boolean): string {
  try {
    return readTextSync(path);
  } catch (err) {
    if (optional && err instanceof Deno.errors.NotFound) return "";
    throw new BynarError(
      "inventory_failed",
      `Cannot discover disks: cannot read "${path}": ${errorMessage(err)}; system disks ` +
        `cannot be recognised without it`,
      { cause: err },
    );
  }
}

function existsSync(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (err) {
    if (isHostFsFailure(err)) throw err;
    return false;
  }
}

/** Probes superblocks, turning failures into warnings; stops after a library load failure. */
class FsProber {
  #probe: SuperblockProbe | null;
  readonly warnings: string[] = [];

  constructor(probe: SuperblockProbe | null) {
    this.#probe = probe;
  }

  async read(path: string, region?: ProbeRegion): Promise<FsInfo> {
    if (!this.#probe) return { ...NO_FS };
    try {
      const sb = await this.#probe(path, region);
      return sb ? { type: sb.type, uuid: sb.uuid, label: sb.label } : { ...NO_FS };
    } catch (err) {
      if (err instanceof Deno.errors.NotCapable) throw err;
      if (err instanceof FfiError && err.op === undefined) {
        this.#probe = null;
        this.warnings.push(`Filesystems not probed: ${err.message}`);
      } else {
        this.warnings.push(errorMessage(err));
      }
      return { ...NO_FS };
    }
  }
}

/**
 * Discovers the host's block devices from `/sys/block` (and the partitions under each),
 * `/proc/self/mountinfo`, `/proc/swaps`, the udev database, `/dev/disk/by-id` and
 * libblkid. Never runs lsblk and never opens a device for writing.
 *
 * Loop, RAM, optical, device-mapper and zram devices are skipped by default (with a
 * reason); `includeLoop` keeps attached loop devices. Every disk gets its type, size,
 * flags, mounts (matched by major:minor), filesystem, stable identity and — for disks
 * holding /, /boot, /boot/efi or swap, or listed in `systemDisks` — a `systemReason`.
 *
 * @example Discover the host's disks
 * ```ts ignore
 * const { disks, skipped } = await discoverDisks({ systemDisks: ["/dev/sda"] });
 * ```
 *
 * @param options Roots, loop inclusion, device restriction, configured system disks.
 * @returns Disks, skipped devices and warnings.
 * @throws {BynarError} `inventory_failed` when /sys/block or mountinfo cannot be read.
 */
export async function discoverDisks(options: DiscoverOptions = {}): Promise<DiscoverResult> {
  const roots = options.roots ?? DEFAULT_ROOTS;
  const statFile = options.statFile;
  const loopId = statFile ? (_dev: string, file: string) => statFile(file) : defaultLoopId;
  if (!existsSync(`${roots.sys}/block`)) {
    throw new BynarError(
      "inventory_failed",
      `Cannot discover disks: "${roots.sys}/block" does not exist; is sysfs mounted?`,
    );
  }
  const all = readSysBlock(roots);
  const mounts = parseMountinfo(readProcFile(`${roots.proc}/self/mountinfo`, false));
  const swaps: SwapEntry[] = parseSwaps(readProcFile(`${roots.proc}/swaps`, true));
  const resolveName = (p: string): string | null => resolveDeviceName(roots, p);
  const system = findSystemDisks({
    devices: all,
    mounts,
    swaps,
    resolveName,
    systemDisks: options.systemDisks ?? [],
  });
  const graph = new BlockGraph(all);
  const byId = readByIdLinks(roots);
  const mountsByName = groupMounts(mounts, graph, resolveName);
  const prober = new FsProber(
    options.probeFilesystems === false ? null : options.probe ?? probeSuperblock,
  );

  const skipped: SkippedDevice[] = [];
  let selected = all;
  if (options.devices !== undefined) {
    const wanted = new Set<string>();
    for (const path of options.devices) {
      const name = resolveName(path);
      const disk = name === null ? undefined : graph.parentOf.get(name) ?? name;
      if (disk === undefined || !all.some((d) => d.name === disk)) {
        skipped.push({
          name: name ?? path,
          path,
          reason: `not found in "${roots.sys}/block"`,
        });
      } else {
        wanted.add(disk);
      }
    }
    selected = all.filter((d) => wanted.has(d.name));
  }

  const disks: BlockDisk[] = [];
  for (const dev of selected) {
    const path = `${roots.dev}/${dev.name}`;
    const reason = options.loopDevices && dev.name.startsWith("loop")
      ? loopAllowReason(dev, options.loopDevices)
      : skipReason(dev, options.includeLoop ?? false);
    if (reason) {
      skipped.push({ name: dev.name, path, reason });
      continue;
    }
    disks.push(
      await buildDisk(dev, {
        roots,
        path,
        mountsByName,
        byId,
        prober,
        loopId,
        systemReason: system.get(dev.name) ?? null,
      }),
    );
  }
  return { disks, skipped, warnings: prober.warnings };
}

/**
 * Groups mounts by the kernel name of their device: by major:minor, or — for filesystems
 * with anonymous device numbers (major 0, e.g. btrfs) — by the `/dev/…` mount source.
 */
function groupMounts(
  mounts: Mount[],
  graph: BlockGraph,
  resolveName: (p: string) => string | null,
): Map<string, Mount[]> {
  const out = new Map<string, Mount[]>();
  for (const m of mounts) {
    let name = graph.byDevno.get(m.devno) ?? null;
    if (name === null && m.devno.startsWith("0:") && m.source.startsWith("/dev/")) {
      name = resolveName(m.source);
    }
    if (name === null) continue;
    const list = out.get(name) ?? [];
    list.push(m);
    out.set(name, list);
  }
  return out;
}

/**
 * Whether a loop device path or backing file matches an allow-list entry: a device path
 * exactly, or a glob (`*`, `?`, `**`) on the backing file. Pure.
 *
 * @param entry The allow-list entry.
 * @param device The loop device (`/dev/loop3`) and its backing file.
 * @returns True when it matches.
 */
export function loopAllowed(
  entry: string,
  device: { path: string; backingFile: string | null },
): boolean {
  if (entry.startsWith("/dev/")) return entry === device.path;
  if (!device.backingFile) return false;
  const re = new RegExp(
    "^" +
      entry.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*\*/g, "\0").replace(/\*/g, "[^/]*")
        .replace(/\?/g, "[^/]").replace(/\0/g, ".*") +
      "$",
  );
  return re.test(device.backingFile);
}

function loopAllowReason(dev: SysBlockDevice, allow: readonly string[]): string | null {
  const attached = skipReason(dev, true);
  if (attached) return attached;
  const backingFile = dev.backingFile;
  // Allow-list entries name the host's device nodes, whatever the roots of this scan.
  const path = `/dev/${dev.name}`;
  if (allow.some((e) => loopAllowed(e, { path, backingFile }))) return null;
  return "loop device not in the loop_devices allow-list";
}

function skipReason(dev: SysBlockDevice, includeLoop: boolean): string | null {
  const byName = defaultSkipReason(dev.name, { includeLoop });
  if (byName) return byName;
  if (dev.name.startsWith("loop") && dev.backingFile === null) return "loop device not attached";
  if (dev.sizeSectors === 0) return "empty device (size 0: no medium or not attached)";
  return null;
}

interface BuildContext {
  roots: Roots;
  path: string;
  mountsByName: Map<string, Mount[]>;
  byId: Map<string, string[]>;
  prober: FsProber;
  loopId: (devicePath: string, backingFile: string) => FileId | null;
  systemReason: string | null;
}

async function buildDisk(dev: SysBlockDevice, ctx: BuildContext): Promise<BlockDisk> {
  const { roots, path } = ctx;
  const udev = readUdevData(roots, dev.devno);
  const byIdNames = ctx.byId.get(dev.name) ??
    (udev?.links ?? []).filter((l) => l.startsWith("disk/by-id/")).map((l) => l.slice(11));
  const byIdName = chooseByIdLink(byIdNames);
  const loopFile = dev.backingFile !== null ? ctx.loopId(path, dev.backingFile) : null;
  const identity = buildIdentity({
    path,
    sysModel: dev.model,
    sysSerials: dev.serials,
    vpdSerial: dev.vpdSerial,
    sysWwids: dev.wwids,
    udev: udev?.properties ?? null,
    byIdPath: byIdName === null ? null : `${roots.dev}/disk/by-id/${byIdName}`,
    loopFile,
  });
  const partitions: Partition[] = [];
  for (const p of dev.partitions) {
    const partPath = `${roots.dev}/${p.name}`;
    const fs = existsSync(partPath)
      ? await ctx.prober.read(partPath)
      : await ctx.prober.read(path, { offset: p.start * 512, size: p.sizeSectors * 512 });
    partitions.push({
      name: p.name,
      path: partPath,
      devno: p.devno,
      number: p.number,
      start: p.start,
      sizeBytes: p.sizeSectors * 512,
      fs,
      mounts: ctx.mountsByName.get(p.name) ?? [],
    });
  }
  return {
    name: dev.name,
    path,
    devno: dev.devno,
    sizeBytes: dev.sizeSectors * 512,
    rotational: dev.rotational ?? false,
    removable: dev.removable,
    readOnly: dev.readOnly,
    type: classifyDisk(dev),
    identity,
    fs: await ctx.prober.read(path),
    mounts: ctx.mountsByName.get(dev.name) ?? [],
    partitions,
    backingFile: dev.backingFile,
    systemReason: ctx.systemReason,
  };
}
