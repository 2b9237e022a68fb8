/**
 * The filesystem probe interface the state machine uses, and its result types.
 *
 * @module
 */

/** A current mount of a device. */
export interface MountView {
  /** Mount point. */
  mountpoint: string;
  /**
   * The filesystem is read-only (superblock `ro`: mounted `-o ro` or remounted read-only
   * after errors): the machine's `read_only` state.
   */
  readOnly: boolean;
  /**
   * Only this mount is read-only (per-mount `ro`, e.g. systemd `ProtectSystem=` in Bynar's
   * mount namespace): not a disk problem, but no write test is possible through it.
   */
  mountReadOnly: boolean;
  /** Filesystem type as mounted. */
  fsType: string;
}

/** Result of a check-only filesystem check. */
export interface FsckResult {
  /** `clean`, `corrupt`, `in_use` (device busy or mounted) or `error` (the tool failed). */
  status: "clean" | "corrupt" | "in_use" | "error";
  /** Exit code of the tool (null when killed by a signal). */
  exitCode: number | null;
  /** One line saying what the tool reported. */
  detail: string;
}

/** Result of a repair or a reformat. */
export interface FixResult {
  /** `ok`, `failed` (the filesystem could not be fixed), `in_use` or `error`. */
  status: "ok" | "failed" | "in_use" | "error";
  /** Exit code of the tool (null when killed by a signal or not run). */
  exitCode: number | null;
  /** One line saying what happened. */
  detail: string;
}

/** Result of a write test. */
export interface WriteTestResult {
  /**
   * `ok`, `read_only` (EROFS), `full` (ENOSPC/EDQUOT), `unsupported` (the filesystem
   * cannot create unnamed files: Bynar cannot test it, not a fault) or `failed` (I/O or
   * other error).
   */
  status: "ok" | "read_only" | "full" | "unsupported" | "failed";
  /** One line saying what happened. */
  detail: string;
}

/** A plain success/failure with a detail line. */
export interface ActionResult {
  /** Whether it worked. */
  ok: boolean;
  /** One line saying what happened. */
  detail: string;
}

/** Filesystem facts needed to reformat while keeping the filesystem's identity. */
export interface FsIdentity {
  /** Filesystem type (`ext2`, `ext3`, `ext4`, `xfs`). */
  fsType: string;
  /** Filesystem UUID to keep, or null. */
  uuid: string | null;
  /** Filesystem label to keep, or null. */
  label: string | null;
}

/**
 * Filesystem probes and actions on one device, as used by the state machine. The real
 * implementation is {@linkcode SystemFsProbe}; unit tests pass in-memory fakes.
 */
export interface FsProbe {
  /**
   * Lists the current mounts of a device (fresh, not cached).
   *
   * @param device The device path.
   * @returns The mounts.
   */
  mounts(device: string): Promise<MountView[]>;
  /**
   * Lists the ids of other processes that have the device open.
   *
   * @param device The device path.
   * @returns The process ids.
   */
  holders(device: string): Promise<number[]>;
  /**
   * Returns a fresh, not yet created, private temporary mount point path.
   *
   * @returns The path.
   */
  newTempMountPath(): string;
  /**
   * Creates the private mount point (mode 0700) and mounts the device there.
   *
   * @param device The device.
   * @param options The filesystem type and the mount point from {@linkcode FsProbe.newTempMountPath}.
   * @returns Whether the mount worked.
   */
  mountTemp(device: string, options: { fsType: string; mountpoint: string }): Promise<ActionResult>;
  /**
   * Unmounts a private temporary mount (if mounted) and removes its directory.
   *
   * @param mountpoint The private mount point.
   * @returns Whether nothing is left behind.
   */
  releaseTemp(mountpoint: string): Promise<ActionResult>;
  /**
   * Writes, fsyncs and reads back an unnamed file on the root of a mount of the device
   * (nothing is left behind, even after a crash).
   *
   * @param device The device under test.
   * @param mountpoint A mount point of that device.
   * @returns The result.
   * @throws {Deno.errors.NotCapable} When the mount point is not one of the device, or
   *   the sandbox refuses: never a disk fault.
   */
  writeTest(device: string, mountpoint: string): Promise<WriteTestResult>;
  /**
   * Removes a scratch directory an older version left behind (recovery).
   *
   * @param scratch The scratch directory.
   * @returns Whether nothing is left behind.
   */
  removeScratch(scratch: string): Promise<ActionResult>;
  /**
   * Says whether the kernel recorded errors for the device's filesystem (ext4
   * `errors_count` in sysfs; the filesystem must be mounted for the kernel to show it).
   *
   * @param device The device.
   * @returns One sentence naming the filesystem, the count and the first error, or null.
   */
  fsErrors?(device: string): Promise<string | null>;
  /**
   * Remounts a mount point read-write.
   *
   * @param mountpoint The mount point.
   * @returns Whether it is read-write now.
   */
  remountReadWrite(mountpoint: string): Promise<ActionResult>;
  /**
   * Checks an unmounted filesystem without changing it (`e2fsck -f -n`, `xfs_repair -n`).
   *
   * @param device The device.
   * @param fsType The filesystem type.
   * @returns The result.
   */
  fsck(device: string, fsType: string): Promise<FsckResult>;
  /**
   * Repairs an unmounted filesystem (`e2fsck -f -p`, `xfs_repair`).
   *
   * @param device The device.
   * @param fsType The filesystem type.
   * @returns The result.
   */
  repair(device: string, fsType: string): Promise<FixResult>;
  /**
   * Recreates the filesystem with the same type, UUID and label.
   *
   * @param device The device.
   * @param fs The filesystem identity to keep.
   * @returns The result.
   */
  reformat(device: string, fs: FsIdentity): Promise<FixResult>;
}
