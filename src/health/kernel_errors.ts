/**
 * Errors the kernel has recorded for a filesystem or a disk, read from sysfs (through
 * `src/hostfs`: Deno cannot read /sys under the packaged permissions).
 *
 * - ext4 keeps an error record in its superblock and shows it under
 *   `/sys/fs/ext4/<dev>/`: `errors_count`, `first_error_time`/`last_error_time` (seconds
 *   since the epoch) and `first_error_func`/`last_error_func`. After an I/O error under a
 *   mounted ext4 the kernel may remount it read-only internally while mountinfo still says
 *   `rw`; `errors_count` is the signal that always rises.
 * - XFS shows only its retry configuration (`/sys/fs/xfs/<dev>/error/…`) and performance
 *   counters (`stats`) in sysfs: no error count exists there. A shut-down XFS still appears
 *   in mountinfo but answers EIO to everything, even a `statx` of its root: that is its
 *   error state ({@linkcode shutdownReason}).
 * - SCSI disks (SAS, SATA behind libata, virtio-scsi) count failed commands in
 *   `/sys/block/<disk>/device/ioerr_cnt` (hex), since the device was attached.
 *
 * @module
 */
import { isHostFsFailure, mountRootErrno, readTextSync } from "../hostfs/mod.ts";

/** The error record of a mounted ext4 filesystem. */
export interface FsErrorRecord {
  /** Kernel name of the block device, e.g. `sdb1`. */
  device: string;
  /** Filesystem type. */
  fsType: "ext4";
  /** Errors recorded since the filesystem was created or last repaired by e2fsck. */
  errorsCount: number;
  /** When the first recorded error happened, or null. */
  firstErrorTime: Date | null;
  /** The kernel function that reported the first error, or null. */
  firstErrorFunc: string | null;
  /** When the last recorded error happened, or null. */
  lastErrorTime: Date | null;
  /** The kernel function that reported the last error, or null. */
  lastErrorFunc: string | null;
}

/** Options of the sysfs readers. */
export interface SysfsOptions {
  /**
   * The sysfs root.
   * @default "/sys"
   */
  sys?: string;
}

function attr(path: string): string | null {
  try {
    return readTextSync(path).trim();
  } catch (err) {
    if (isHostFsFailure(err)) throw err;
    return null;
  }
}

function epoch(text: string | null): Date | null {
  const n = Number(text);
  return text === null || !Number.isFinite(n) || n <= 0 ? null : new Date(n * 1000);
}

/**
 * Reads the ext4 error record of a mounted filesystem.
 *
 * @param device Kernel name of the block device (`sdb1`, `loop3`, `dm-0`).
 * @param options The sysfs root.
 * @returns The record, or null when no ext4 filesystem of that device is mounted.
 * @throws {Deno.errors.NotCapable} When the sandbox refuses the read (never "no errors").
 * @throws {FfiError} When libc cannot be loaded.
 */
export function readExt4Errors(device: string, options: SysfsOptions = {}): FsErrorRecord | null {
  const dir = `${options.sys ?? "/sys"}/fs/ext4/${device}`;
  const count = attr(`${dir}/errors_count`);
  if (count === null) return null;
  const errorsCount = Number(count);
  return {
    device,
    fsType: "ext4",
    errorsCount: Number.isFinite(errorsCount) ? errorsCount : 0,
    firstErrorTime: epoch(attr(`${dir}/first_error_time`)),
    firstErrorFunc: attr(`${dir}/first_error_func`) || null,
    lastErrorTime: epoch(attr(`${dir}/last_error_time`)),
    lastErrorFunc: attr(`${dir}/last_error_func`) || null,
  };
}

/**
 * Reads a SCSI disk's count of failed commands (`device/ioerr_cnt`, hex).
 *
 * @param disk Kernel name of the whole disk (`sdb`).
 * @param options The sysfs root.
 * @returns The count, or null when the disk has no such counter (NVMe, virtio-blk, loop).
 * @throws {Deno.errors.NotCapable} When the sandbox refuses the read.
 * @throws {FfiError} When libc cannot be loaded.
 */
export function readScsiIoErrors(disk: string, options: SysfsOptions = {}): number | null {
  const text = attr(`${options.sys ?? "/sys"}/block/${disk}/device/ioerr_cnt`);
  if (text === null) return null;
  const n = Number.parseInt(text, text.startsWith("0x") ? 16 : 10);
  return Number.isFinite(n) ? n : null;
}

/**
 * Says what an ext4 error record means (pure).
 *
 * @param record The record.
 * @param options The mount point, for the sentence.
 * @returns One sentence when errors are recorded, else null.
 */
export function fsErrorReason(
  record: FsErrorRecord,
  options: { mountpoint?: string | null } = {},
): string | null {
  if (record.errorsCount <= 0) return null;
  const where = options.mountpoint ? ` mounted at ${options.mountpoint}` : "";
  const first = record.firstErrorTime
    ? `, first at ${record.firstErrorTime.toISOString()}${
      record.firstErrorFunc ? ` in ${record.firstErrorFunc}` : ""
    }`
    : "";
  const last = record.lastErrorTime && record.errorsCount > 1
    ? `, last at ${record.lastErrorTime.toISOString()}${
      record.lastErrorFunc ? ` in ${record.lastErrorFunc}` : ""
    }`
    : "";
  return `Filesystem ${record.fsType} on /dev/${record.device}${where} has recorded ` +
    `${record.errorsCount} error${record.errorsCount === 1 ? "" : "s"} ` +
    `(/sys/fs/ext4/${record.device}/errors_count${first}${last}); the kernel may have made ` +
    "it read-only internally: check the kernel log and run e2fsck";
}

/**
 * How many failed commands between two checks make a SCSI disk's counter a warning.
 *
 * `ioerr_cnt` counts every command that ends with a CHECK CONDITION, and SMART tools cause
 * some on a healthy disk: an ATA SMART RETURN STATUS sent through SAT answers with one by
 * design (CK_COND), and a SCSI disk refuses ATA PASS-THROUGH with one. smartctl, smartd
 * and `bynar smart` each add one or a few per read (measured in the live-device tier); a
 * failing disk's retries add many more. Bynar's own reads during a check are excluded
 * (the history keeps the count after them). Real I/O errors are also read from the kernel
 * log (`bynar signals`).
 */
export const IO_ERROR_WARN_DELTA = 10;

/**
 * Says what a rise of a SCSI disk's failed-command counter means (pure).
 *
 * @param disk Kernel name of the disk.
 * @param counts The count now and at the last check (null: no earlier value), and the
 *   smallest rise that counts (default {@linkcode IO_ERROR_WARN_DELTA}).
 * @returns One sentence when the count rose by at least `minDelta` since the last check,
 *   else null.
 */
export function ioErrorReason(
  disk: string,
  counts: { now: number | null; before: number | null; minDelta?: number },
): string | null {
  if (counts.now === null || counts.before === null) return null;
  // A lower count means the device was re-attached (the counter restarts at 0).
  const delta = counts.now >= counts.before ? counts.now - counts.before : counts.now;
  if (delta < Math.max(1, counts.minDelta ?? IO_ERROR_WARN_DELTA)) return null;
  return `Disk /dev/${disk} failed ${delta} I/O command${delta === 1 ? "" : "s"} since the ` +
    `last check (/sys/block/${disk}/device/ioerr_cnt ${counts.before} -> ${counts.now}); ` +
    "check the kernel log";
}

/**
 * Tells whether a mounted filesystem has shut itself down after errors: its root answers
 * `statx` with EIO (XFS after a metadata I/O error or a forced shutdown), although
 * mountinfo still lists it read-write.
 *
 * @param device The block device (whole disk or partition).
 * @param mount The mount point and filesystem type.
 * @returns One sentence when it is shut down, else null.
 * @throws {Deno.errors.NotCapable} When the sandbox refuses, or `mountpoint` is not a
 *   mount point of `device`.
 * @throws {FfiError} When libc cannot be loaded.
 */
export function shutdownReason(
  device: string,
  mount: { mountpoint: string; fsType: string },
): string | null {
  let err: number | null;
  try {
    err = mountRootErrno(device, mount.mountpoint);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null; // unmounted meanwhile
    throw e;
  }
  if (err !== 5) return null;
  return `Filesystem ${mount.fsType} on ${device} mounted at ${mount.mountpoint} answers ` +
    "I/O errors (EIO) even for its root: it has shut down after errors; check the kernel " +
    `log, unmount it and repair it (${mount.fsType === "xfs" ? "xfs_repair" : "fsck"})`;
}
