/**
 * Host-side adapter of the Ceph backend: device identity (serial/WWN, loop backing file),
 * system-disk detection (/, /boot, /boot/efi, swap, configured system disks), the OSD label
 * on a device (ceph-volume list), mounts, and running ceph-volume.
 *
 * @module
 */
import { SafetyError } from "../../errors.ts";
import { commandFailure, type CommandRunner, runChecked } from "../../process/run.ts";
import type { ProgramCall } from "./commands.ts";
import { parseLvmList, parseRawList, type VolumeOsd } from "./parse.ts";
import { VOLUME, type VolumeCallOptions } from "./commands.ts";
import {
  assertNotSystemDisk,
  type BlockDisk,
  DEFAULT_ROOTS,
  discoverDisks,
} from "../../inventory/mod.ts";
import * as hostfs from "../../hostfs/mod.ts";

/** What the executor needs from the host. */
export interface CephHost {
  /** Host name as CRUSH knows it. */
  hostname(): string;
  /** Stable identity key of a device (`wwn:…`, `serial:…`), or null. */
  identity(device: string): Promise<string | null>;
  /**
   * True when a block device with data sits at `device` now (false for a pulled disk, a
   * dead disk the kernel dropped, or a detached loop device).
   */
  present(device: string): Promise<boolean>;
  /** Why a device is a system disk, or null. */
  systemReason(device: string): Promise<string | null>;
  /** Throws SafetyError `system_disk` for a system disk (call before destructive steps). */
  assertNotSystemDisk(device: string): Promise<void>;
  /** The OSD label on a device, or null when blank. */
  label(device: string, mode: "raw" | "lvm"): Promise<VolumeOsd | null>;
  /** OSD labels on this host (both modes). */
  listOsds(): Promise<VolumeOsd[]>;
  /** True when `dir` is a mount point. */
  isMounted(dir: string): Promise<boolean>;
  /** Unmounts `dir` (idempotent). */
  unmount(dir: string): Promise<void>;
  /** Runs a program, throwing on a non-zero exit; returns stdout. */
  exec(call: ProgramCall, timeoutMs?: number): Promise<string>;
  /** Device numbers (`major:minor`) of a device and its partitions. */
  devNumbers(device: string): Promise<string[]>;
  /** How many partitions a disk has now (sysfs; 0 for an unknown disk). */
  partitionCount(disk: string): number;
  /**
   * The numbers of the partitions the kernel has registered for a disk now (sysfs); throws
   * when the disk is unknown to the kernel.
   */
  partitionNumbers(disk: string): number[];
  /** True when a device node (e.g. a new partition `/dev/sdb3`) exists. */
  nodeExists(path: string): boolean;
  /** Where a symlink (e.g. a FileStore `journal` link) points, or null when dangling. */
  resolveLink(path: string): string | null;
  /**
   * Waits until no ceph-volume process works on `device` (one left running by a crashed
   * Bynar process must finish before a resume touches the device).
   */
  waitForVolumeIdle(device: string, timeoutMs?: number): Promise<void>;
}

/** Options of {@linkcode createCephHost}. */
export interface CephHostOptions {
  /** Program runner. */
  runner: CommandRunner;
  /** ceph-volume options. */
  volume: VolumeCallOptions;
  /** Configured system disks. */
  systemDisks: string[];
  /**
   * sysfs root.
   * @default "/sys"
   */
  sysRoot?: string;
  /**
   * procfs root.
   * @default "/proc"
   */
  procRoot?: string;
}

function read(path: string): string | null {
  try {
    return hostfs.readTextSync(path).trim();
  } catch {
    return null;
  }
}

function baseName(device: string): string {
  return device.replace(/^\/dev\//, "");
}

/**
 * Creates the real host adapter.
 *
 * @param options Runner, ceph-volume options, system disks, roots.
 * @returns The adapter.
 */
export function createCephHost(options: CephHostOptions): CephHost {
  const sys = options.sysRoot ?? "/sys";
  const proc = options.procRoot ?? "/proc";
  const runner = options.runner;

  function exec(call: ProgramCall, timeoutMs = 300_000): Promise<string> {
    return runChecked(call.program, call.args, {
      runner,
      timeoutMs,
      ...(call.env ? { env: call.env } : {}),
    });
  }

  async function inventoryDisk(device: string): Promise<BlockDisk | null> {
    try {
      const inv = await discoverDisks({
        roots: { ...DEFAULT_ROOTS, sys, proc },
        devices: [device],
        includeLoop: true,
        systemDisks: options.systemDisks,
        probeFilesystems: false,
      });
      return inv.disks[0] ?? null;
    } catch {
      return null;
    }
  }

  async function ownSystemReason(device: string): Promise<string | null> {
    if (options.systemDisks.includes(device)) return "listed in system_disks";
    const nums = new Set(await devNumbers(device));
    for (const disk of options.systemDisks) {
      for (const n of await devNumbers(disk)) {
        if (nums.has(n)) return `shares a device with system disk ${disk}`;
      }
    }
    const mountinfo = read(`${proc}/self/mountinfo`) ?? "";
    for (const line of mountinfo.split("\n")) {
      const f = line.split(" ");
      const mp = f[4];
      if (mp === "/" || mp === "/boot" || mp === "/boot/efi") {
        if (f[2] && nums.has(f[2])) return `holds ${mp}`;
        const src = f[f.indexOf("-") + 2];
        if (src && (src === device || src.startsWith(device))) return `holds ${mp}`;
      }
    }
    const swaps = (read(`${proc}/swaps`) ?? "").split("\n").slice(1);
    for (const line of swaps) {
      const src = line.split(/\s+/)[0];
      if (src && (src === device || (src.startsWith(device) && /\d$/.test(src)))) {
        return "holds swap";
      }
    }
    return null;
  }

  async function devNumbers(device: string): Promise<string[]> {
    const name = baseName(device);
    const dir = `${sys}/class/block/${name}`;
    const own = read(`${dir}/dev`);
    if (!own) return [];
    const out = [own];
    try {
      for (const e of await hostfs.readDir(dir)) {
        if (e.name.startsWith(name)) {
          const d = read(`${dir}/${e.name}/dev`);
          if (d) out.push(d);
        }
      }
    } catch { /* no partitions */ }
    // A partition given directly: its parent disk counts too.
    const parent = read(`${dir}/partition`) ? hostfs.realPathSync(`${dir}/..`) : null;
    if (parent) {
      const d = read(`${parent}/dev`);
      if (d) out.push(d);
    }
    return out;
  }

  return {
    hostname: () => Deno.hostname().split(".")[0]!,
    async identity(device) {
      // The inventory's key (what API callers pass), else this module's sysfs reading.
      const disk = await inventoryDisk(device);
      if (disk) return disk.identity.key;
      const name = baseName(device);
      const dir = `${sys}/class/block/${name}`;
      const backing = read(`${dir}/loop/backing_file`);
      if (backing) {
        try {
          const st = Deno.statSync(backing.replace(/ \(deleted\)$/, ""));
          return (`serial:LOOP-${st.dev}-${st.ino}`);
        } catch {
          return (`path:${backing}`);
        }
      }
      const wwid = read(`${dir}/wwid`) ?? read(`${dir}/device/wwid`);
      if (wwid) return (`wwn:${wwid.replace(/^(naa|eui|t10)\./, "")}`);
      const serial = read(`${dir}/device/serial`);
      if (serial) return (`serial:${serial}`);
      return null;
    },
    present(device) {
      // A detached loop device keeps its node and sysfs entry with size 0.
      const sectors = Number(read(`${sys}/class/block/${baseName(device)}/size`) ?? "0");
      return Promise.resolve(Number.isFinite(sectors) && sectors > 0);
    },
    async systemReason(device) {
      // The inventory's verdict (/, /boot, /boot/efi, swap, system_disks; holders such as
      // LVM/md resolved), then this module's own mountinfo/swaps check as a second opinion.
      const disk = await inventoryDisk(device);
      return disk?.systemReason ?? await ownSystemReason(device);
    },
    async assertNotSystemDisk(device) {
      const disk = await inventoryDisk(device);
      if (disk) assertNotSystemDisk(disk);
      const own = await ownSystemReason(device);
      if (own) {
        throw new SafetyError(
          "system_disk",
          `Refusing to touch "${device}": it is a system disk (${own})`,
          {
            device,
          },
        );
      }
    },
    async label(device, mode) {
      const call = VOLUME.list(mode, device, options.volume);
      const r = await runner.run(call.program, call.args, { timeoutMs: 60_000, env: call.env! });
      if (r.code !== 0) {
        if (/No valid Ceph|not found|No such|does not exist/i.test(r.stderr + r.stdout)) {
          return null;
        }
        throw commandFailure([call.program, ...call.args], r, {
          what: `read the OSD label of "${device}"`,
          device,
        });
      }
      const list = mode === "raw" ? parseRawList(r.stdout) : parseLvmList(r.stdout);
      return list.find((o) => o.devices.includes(device)) ?? list[0] ?? null;
    },
    async listOsds() {
      const out: VolumeOsd[] = [];
      for (const mode of ["raw", "lvm"] as const) {
        const call: ProgramCall = {
          program: "ceph-volume",
          args: [
            ...(options.volume.logDir ? ["--log-path", options.volume.logDir] : []),
            mode,
            "list",
            "--format",
            "json",
          ],
          env: call0Env(options.volume),
        };
        const r = await runner.run(call.program, call.args, { timeoutMs: 60_000, env: call.env! });
        if (r.code !== 0) continue;
        try {
          out.push(...(mode === "raw" ? parseRawList(r.stdout) : parseLvmList(r.stdout)));
        } catch { /* ignore unparsable */ }
      }
      return out;
    },
    isMounted(dir) {
      const mountinfo = read(`${proc}/self/mountinfo`) ?? "";
      return Promise.resolve(mountinfo.split("\n").some((l) => l.split(" ")[4] === dir));
    },
    async unmount(dir) {
      for (let i = 0; i < 5; i++) {
        const mountinfo = read(`${proc}/self/mountinfo`) ?? "";
        if (!mountinfo.split("\n").some((l) => l.split(" ")[4] === dir)) return;
        await exec({ program: "umount", args: [dir] }, 60_000);
      }
      throw new SafetyError("unmount_failed", `Cannot unmount "${dir}": still mounted`);
    },
    exec,
    devNumbers,
    partitionCount(disk) {
      const name = disk.replace(/^\/dev\//, "");
      let n = 0;
      try {
        for (const e of hostfs.readDirSync(`${sys}/class/block/${name}`)) {
          if (e.name.startsWith(name)) n++;
        }
      } catch { /* unknown disk */ }
      return n;
    },
    partitionNumbers(disk) {
      const name = disk.replace(/^\/dev\//, "");
      const dir = `${sys}/class/block/${name}`;
      const out: number[] = [];
      for (const e of hostfs.readDirSync(dir)) {
        if (!e.name.startsWith(name)) continue;
        try {
          out.push(Number(hostfs.readTextSync(`${dir}/${e.name}/partition`).trim()));
        } catch { /* not a partition */ }
      }
      return out;
    },
    nodeExists(path) {
      try {
        hostfs.statSync(path);
        return true;
      } catch {
        return false;
      }
    },
    resolveLink(path) {
      try {
        return hostfs.realPathSync(path);
      } catch {
        return null;
      }
    },
    async waitForVolumeIdle(device, timeoutMs = 600_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const busy = volumeProcesses(proc, device);
        if (busy.length === 0) return;
        if (Date.now() > deadline) {
          throw new SafetyError(
            "device_busy",
            `Cannot continue on "${device}": ceph-volume (pid ${
              busy.join(", ")
            }) still works on it`,
            { device },
          );
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    },
  };
}

function volumeProcesses(proc: string, device: string): number[] {
  const out: number[] = [];
  for (const e of hostfs.readDirSync(proc)) {
    if (!/^\d+$/.test(e.name) || Number(e.name) === Deno.pid) continue;
    try {
      const args = hostfs.readTextSync(`${proc}/${e.name}/cmdline`).split("\0");
      if (args.some((a) => a.endsWith("ceph-volume")) && args.includes(device)) {
        out.push(Number(e.name));
      }
    } catch { /* gone */ }
  }
  return out;
}

function call0Env(o: VolumeCallOptions): Record<string, string> {
  const env: Record<string, string> = { CEPH_CONF: o.confPath };
  if (o.allowLoop) env.CEPH_VOLUME_ALLOW_LOOP_DEVICES = "1";
  return env;
}
