/**
 * Pure safety and scope decisions: which filesystem of a disk the machine checks, when a
 * disk gets SMART checks only, and when a reformat is refused (B-13, B-14).
 *
 * @module
 */
import type { BlockDisk, FsInfo, Mount } from "../inventory/model.ts";

/** Filesystem types the machine checks, repairs and (if allowed) reformats. */
export const SUPPORTED_FS_TYPES: ReadonlySet<string> = new Set(["ext2", "ext3", "ext4", "xfs"]);

/** Filesystem types that belong to a cluster backend or a volume manager. */
export const OSD_FS_TYPES: ReadonlySet<string> = new Set([
  "ceph_bluestore",
  "LVM2_member",
  "crypto_LUKS",
]);

/** Mount points below which a filesystem is an OSD's data directory. */
export const OSD_MOUNT_PREFIX = "/var/lib/ceph/osd";

/** The filesystem of a disk that the machine checks. */
export interface FsTarget {
  /** Device holding the filesystem: the disk itself or its only filesystem partition. */
  device: string;
  /** The filesystem facts. */
  fs: FsInfo;
}

/**
 * Chooses the filesystem to check: the one on the whole disk, else the only partition
 * carrying a filesystem.
 *
 * @param disk The disk.
 * @returns The target, or null when there is no single filesystem.
 */
export function fsTarget(disk: BlockDisk): FsTarget | null {
  if (disk.fs.type) return { device: disk.path, fs: disk.fs };
  const withFs = disk.partitions.filter((p) => p.fs.type);
  if (withFs.length === 1) return { device: withFs[0]!.path, fs: withFs[0]!.fs };
  return null;
}

function allMounts(disk: BlockDisk): Mount[] {
  return [...disk.mounts, ...disk.partitions.flatMap((p) => p.mounts)];
}

/**
 * Tells from inventory facts alone whether a disk is a cluster OSD: a BlueStore/LVM/LUKS
 * signature on it or a partition, or a mount under `/var/lib/ceph/osd`.
 *
 * @param disk The disk.
 * @returns The reason it is an OSD, or null.
 */
export function osdEvidence(disk: BlockDisk): string | null {
  const types = [disk.fs.type, ...disk.partitions.map((p) => p.fs.type)];
  const osdType = types.find((t) => t !== null && OSD_FS_TYPES.has(t));
  if (osdType) return `it carries a "${osdType}" signature`;
  const m = allMounts(disk).find((m) =>
    m.mountpoint === OSD_MOUNT_PREFIX || m.mountpoint.startsWith(`${OSD_MOUNT_PREFIX}/`)
  );
  if (m) return `it is mounted at ${m.mountpoint}`;
  return null;
}

/**
 * Says why a disk gets SMART checks only (no mount, write test, fsck or repair).
 *
 * @param disk The disk.
 * @param options Whether the backend reports it as an OSD.
 * @returns The reason, or null when its filesystem is checked.
 */
export function smartOnlyReason(disk: BlockDisk, options: { isOsd: boolean }): string | null {
  if (disk.systemReason !== null) return `system disk (${disk.systemReason}): SMART only`;
  const evidence = osdEvidence(disk);
  if (evidence) return `cluster OSD (${evidence}): SMART only`;
  if (options.isOsd) return "cluster OSD (reported by the backend): SMART only";
  const target = fsTarget(disk);
  if (!target) return "no single filesystem to check: SMART only";
  if (!SUPPORTED_FS_TYPES.has(target.fs.type!)) {
    return `filesystem "${target.fs.type}" is not checked: SMART only`;
  }
  return null;
}

/** Inputs of {@linkcode reformatRefusal}. */
export interface ReformatFacts {
  /** bynar.json `allow_reformat`. */
  allowReformat: boolean;
  /** The disk as seen now, or null when gone. */
  disk: BlockDisk | null;
  /** The backend reports the disk as an OSD. */
  isOsd: boolean;
  /** The filesystem type to recreate (current, else last known). */
  fsType: string | null;
}

/**
 * Says why a reformat is refused: disabled, disk gone, system disk, OSD, or a filesystem
 * type that is unknown or unsupported (never guessed, never changed).
 *
 * @param facts The facts.
 * @returns The refusal reason, or null when the reformat may run.
 */
export function reformatRefusal(facts: ReformatFacts): string | null {
  if (!facts.allowReformat) return "reformat is disabled (bynar.json allow_reformat is false)";
  if (!facts.disk) return "the disk is gone";
  if (facts.disk.systemReason !== null) {
    return `refusing to reformat a system disk (${facts.disk.systemReason})`;
  }
  const evidence = osdEvidence(facts.disk);
  if (evidence || facts.isOsd) {
    return `refusing to reformat a cluster OSD (${evidence ?? "reported by the backend"})`;
  }
  if (!facts.fsType) return "refusing to reformat: the filesystem type is unknown";
  if (!SUPPORTED_FS_TYPES.has(facts.fsType)) {
    return `refusing to reformat: filesystem "${facts.fsType}" is not ext2, ext3, ext4 or xfs`;
  }
  return null;
}
