/**
 * Pure rules: the DiskType of a block device and whether discovery skips it by default.
 *
 * @module
 */
import type { DiskType } from "./model.ts";

/** The sysfs facts the classification looks at. */
export interface ClassifyFacts {
  /** Kernel name, e.g. `sda`, `nvme0n1`, `vdb`, `loop3`. */
  name: string;
  /** `device/vendor`, trimmed, or null. */
  vendor: string | null;
  /** `device/model`, trimmed, or null. */
  model: string | null;
  /** `queue/rotational`, or null when unreadable. */
  rotational: boolean | null;
}

/**
 * Classifies a block device into the protobuf API's DiskType.
 *
 * First match wins: `loop*` LOOPBACK, `ram*` RAM, `md*` MDRAID, `dm-*` LVM, `nvme*` NVME,
 * `vd*` (virtio) or a `QEMU` vendor/model VIRTUAL, then rotational 0 SOLID_STATE,
 * rotational 1 ROTATIONAL, else UNKNOWN.
 *
 * @param facts Name, vendor, model and rotational flag.
 * @returns The disk type.
 */
export function classifyDisk(facts: ClassifyFacts): DiskType {
  const { name } = facts;
  if (name.startsWith("loop")) return "LOOPBACK";
  if (name.startsWith("ram")) return "RAM";
  if (/^md\d|^md_/.test(name)) return "MDRAID";
  if (name.startsWith("dm-")) return "LVM";
  if (name.startsWith("nvme")) return "NVME";
  if (/^vd[a-z]/.test(name)) return "VIRTUAL";
  if (/^QEMU\b/i.test(facts.vendor ?? "") || /^QEMU\b/i.test(facts.model ?? "")) return "VIRTUAL";
  if (facts.rotational === false) return "SOLID_STATE";
  if (facts.rotational === true) return "ROTATIONAL";
  return "UNKNOWN";
}

/** Options for {@linkcode defaultSkipReason}. */
export interface SkipOptions {
  /**
   * Keep loop devices.
   * @default false
   */
  includeLoop?: boolean;
}

/**
 * Says why discovery skips a device by name by default: loop (unless `includeLoop`),
 * RAM disks, optical drives (`sr*`), device-mapper (`dm-*`) and zram.
 *
 * @param name Kernel name.
 * @param options Whether loop devices are included.
 * @returns The reason, or null when the device is a candidate.
 */
export function defaultSkipReason(name: string, options: SkipOptions = {}): string | null {
  if (name.startsWith("loop") && !options.includeLoop) {
    return "loop device (skipped by default; include loop devices to check it)";
  }
  if (name.startsWith("ram")) return "RAM disk";
  if (name.startsWith("zram")) return "compressed RAM disk (zram)";
  if (/^sr\d/.test(name)) return "optical drive";
  if (name.startsWith("dm-")) return "device-mapper device (its underlying disks are checked)";
  return null;
}
