/**
 * The host disk inventory model: block devices, partitions, mounts, stable identity.
 *
 * @module
 */

/** DiskType of the protobuf API. */
export type DiskType =
  | "LOOPBACK"
  | "LVM"
  | "MDRAID"
  | "NVME"
  | "RAM"
  | "ROTATIONAL"
  | "SOLID_STATE"
  | "VIRTUAL"
  | "UNKNOWN";

/** Host paths, configurable so tests can point adapters at captured trees. */
export interface Roots {
  /** sysfs, default `/sys`. */
  sys: string;
  /** procfs, default `/proc`. */
  proc: string;
  /** device nodes, default `/dev`. */
  dev: string;
  /** udev database, default `/run/udev/data`. */
  udevData: string;
}

/** The default host roots. */
export const DEFAULT_ROOTS: Readonly<Roots> = Object.freeze({
  sys: "/sys",
  proc: "/proc",
  dev: "/dev",
  udevData: "/run/udev/data",
});

/** One mount from /proc/self/mountinfo. */
export interface Mount {
  /** Mount id. */
  id: number;
  /** Major:minor of the mounted device. */
  devno: string;
  /** Mount source (e.g. `/dev/sdb1`). */
  source: string;
  /** Mount point (octal escapes decoded). */
  mountpoint: string;
  /** Filesystem type. */
  fsType: string;
  /** Per-mount options. */
  options: string[];
  /** Superblock options. */
  superOptions: string[];
  /**
   * The filesystem is read-only: its superblock options contain `ro` (mounted `-o ro`,
   * or remounted read-only by the kernel after errors). This is the disk-health signal.
   */
  readOnly: boolean;
  /**
   * This mount is read-only (per-mount `ro`) while the filesystem may be read-write,
   * e.g. systemd's `ProtectSystem=` or a read-only bind mount in Bynar's own mount
   * namespace. Writes through this mount point fail, but the disk is not at fault.
   */
  mountReadOnly: boolean;
}

/** Stable identity of a disk: serial/WWN, not `/dev/sdX`. */
export interface DiskIdentity {
  /** Model, when the kernel exposes it. */
  model: string | null;
  /** Serial, when the kernel or udev exposes it. */
  serial: string | null;
  /** WWN, when exposed. */
  wwn: string | null;
  /** A /dev/disk/by-id path, when one exists. */
  byIdPath: string | null;
  /**
   * The key used in the database and in metrics: `wwn:<wwn>`, `serial:<serial>`, or for
   * devices without either `path:<devpath>`. Loop devices take their serial from the
   * backing file (`LOOP-<st_dev>-<st_ino>`), so their key is `serial:LOOP-<dev>-<ino>`.
   */
  key: string;
}

/** Filesystem facts from libblkid. */
export interface FsInfo {
  /** Filesystem type (`ext4`, `xfs`, `swap`, `ceph_bluestore`, …) or null. */
  type: string | null;
  /** Filesystem UUID or null. */
  uuid: string | null;
  /** Filesystem label or null. */
  label: string | null;
}

/** A partition of a disk. */
export interface Partition {
  /** Kernel name, e.g. `sda1`, `nvme0n1p2`. */
  name: string;
  /** Device path. */
  path: string;
  /** Major:minor. */
  devno: string;
  /** Partition number. */
  number: number;
  /** Start in 512-byte sectors. */
  start: number;
  /** Size in bytes. */
  sizeBytes: number;
  /** Filesystem on the partition. */
  fs: FsInfo;
  /** Mounts of the partition. */
  mounts: Mount[];
}

/** A whole block device. */
export interface BlockDisk {
  /** Kernel name, e.g. `sda`. */
  name: string;
  /** Device path, e.g. `/dev/sda`. */
  path: string;
  /** Major:minor. */
  devno: string;
  /** Size in bytes. */
  sizeBytes: number;
  /** Rotational flag from sysfs. */
  rotational: boolean;
  /** Removable flag from sysfs. */
  removable: boolean;
  /** Read-only flag from sysfs. */
  readOnly: boolean;
  /** Disk type. */
  type: DiskType;
  /** Stable identity. */
  identity: DiskIdentity;
  /** Filesystem directly on the whole disk, if any. */
  fs: FsInfo;
  /** Mounts of the whole disk. */
  mounts: Mount[];
  /** Partitions. */
  partitions: Partition[];
  /** Loop backing file, for loop devices. */
  backingFile: string | null;
  /** Reason the disk is a system disk (holds /, /boot, /boot/efi, swap, or is configured), or null. */
  systemReason: string | null;
}

/** Host identity for tickets and metrics. */
export interface HostInfo {
  /** Short hostname. */
  hostname: string;
  /** Fully qualified name (falls back to hostname). */
  fqdn: string;
  /** Primary IPv4/IPv6 address of the default-route interface, or null. */
  ip: string | null;
  /** Kernel release. */
  kernel: string;
  /** Machine architecture. */
  arch: string;
  /** DMI product name, null when the host has no DMI (VMs). */
  productName: string | null;
  /** DMI product serial, null when absent or unreadable. */
  productSerial: string | null;
}
