/**
 * Reads of the host's kernel pseudo-filesystems (/proc, /sys) and device nodes (/dev).
 *
 * Deno refuses every file operation under /proc, /sys and /dev unless `--allow-all` is
 * given, whatever `--allow-read` lists (packaging/permissions.ts). Bynar runs with narrow
 * permissions, so this module routes by path (two functions reach beyond the kernel
 * pseudo-filesystems, each checked in code to the roots of mounts of one device:
 * {@linkcode writeProbe} and {@linkcode mountRootErrno}): paths under {@linkcode HOST_PSEUDO_FS} are
 * read through libc over FFI (granted anyway), every other path through Deno's own API,
 * where the permission system still applies (fixture trees in tests, the loop backing
 * file, /run/udev). The libc side refuses a pseudo-filesystem path that resolves
 * elsewhere (`/proc/self/root/…`) with `Deno.errors.NotCapable`.
 *
 * Errors are the ones Deno throws (`Deno.errors.NotFound` for ENOENT,
 * `Deno.errors.PermissionDenied` for EACCES/EPERM, …, with the same message shape), so
 * callers handle both routes alike. Ranged reads of /dev block devices run off the main
 * thread; a failed one throws `FfiError` (errno is lost across threads).
 *
 * @example Read a sysfs attribute and a device's first sector
 * ```ts ignore
 * const size = Number(readTextSync("/sys/block/sda/size"));
 * const mbr = await readBytes("/dev/sda", { offset: 0, length: 512 });
 * ```
 *
 * @module
 */
import { FfiError } from "../errors.ts";
import { closeLibc } from "../../ffi/libc/mod.ts";
import {
  type HostStat,
  loopBackingIdNative,
  mountRootErrnoNative,
  NativeFile,
  nvmeGetLogPageNative,
  readBytesNative,
  readDirNative,
  readKmsgNative,
  readLinkNative,
  realPathNative,
  statNative,
  writeProbeNative,
  type WriteProbeNativeResult,
} from "./_native.ts";
import { HOST_PSEUDO_FS, isHostPseudoPath } from "./_paths.ts";
import { isNvmeDevicePath, NVME_LOG_SMART, NVME_NSID_ALL } from "./_nvme.ts";
import { isSgIoDevicePath } from "./_sg_io.ts";
import { sgIoNative, type SgIoReply } from "./_sg_io_native.ts";

export {
  HOST_PSEUDO_FS,
  type HostStat,
  isHostPseudoPath,
  NVME_LOG_SMART,
  NVME_NSID_ALL,
  type SgIoReply,
  type WriteProbeNativeResult as WriteProbeResult,
};

/** A byte range of a file. */
export interface ReadRange {
  /**
   * Byte offset.
   * @default 0
   */
  offset?: number;
  /**
   * Byte count (fewer only at end of file).
   * @default to the end of the file
   */
  length?: number;
}

/** An open file for repeated ranged reads (block devices, disk images). */
export interface HostFile {
  /** The path it was opened with. */
  readonly path: string;
  /** Size in bytes (block devices: the device size). */
  readonly size: number;
  /** Metadata of the open file. */
  readonly info: HostStat;
  /**
   * Reads `length` bytes at `offset` (fewer only at end of file).
   *
   * @param offset Byte offset.
   * @param length Byte count.
   * @returns The bytes.
   */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Closes the file; idempotent. */
  close(): void;
}

const DECODER = new TextDecoder();

function majorMinor(rdev: number): [number, number] {
  const major = Math.floor(rdev / 256) & 0xfff;
  const minor = (rdev & 0xff) | (Math.floor(rdev / 4096) & 0xfff00);
  return [major, minor];
}

function fromDeno(info: Deno.FileInfo): HostStat {
  const rdev = info.rdev ?? 0;
  const [rdevMajor, rdevMinor] = majorMinor(rdev);
  return {
    isFile: info.isFile,
    isDirectory: info.isDirectory,
    isSymlink: info.isSymlink,
    isBlockDevice: info.isBlockDevice ?? false,
    isCharDevice: info.isCharDevice ?? false,
    size: info.size,
    mode: info.mode ?? 0,
    dev: info.dev,
    ino: info.ino ?? 0,
    rdev,
    rdevMajor,
    rdevMinor,
  };
}

/**
 * Tells whether an error means the reads themselves cannot work — the sandbox refused
 * them (`Deno.errors.NotCapable`) or libc could not be loaded ({@linkcode FfiError}) —
 * rather than that one file is absent or unreadable. Best-effort readers that turn errors
 * into "absent" must rethrow these, or a broken setup would look like a host without
 * disks.
 *
 * @param err The thrown value.
 * @returns Whether to rethrow it.
 */
export function isHostFsFailure(err: unknown): boolean {
  return err instanceof Deno.errors.NotCapable || err instanceof FfiError;
}

function isMissing(err: unknown): boolean {
  return err instanceof Deno.errors.NotFound || err instanceof Deno.errors.NotADirectory;
}

/**
 * Reads a whole file as UTF-8 text (invalid bytes replaced, like `Deno.readTextFile`).
 *
 * @param path The file.
 * @returns The text.
 * @throws {Deno.errors.NotFound} When it does not exist (other errno classes likewise).
 * @throws {Deno.errors.NotCapable} Outside the pseudo-filesystems without Deno's grant,
 *   or a pseudo-filesystem path resolving outside them.
 * @throws {FfiError} When libc cannot be loaded.
 */
export function readTextSync(path: string): string {
  if (!isHostPseudoPath(path)) return Deno.readTextFileSync(path);
  return DECODER.decode(readBytesNative(path));
}

/**
 * Reads the records of the kernel log buffer (`/dev/kmsg`) through libc: Deno refuses
 * /dev under the packaged permissions.
 *
 * @param path The kernel log device.
 * @returns The records, oldest first (`prio,seq,usec,flags;message`).
 * @throws {Deno.errors.PermissionDenied} Without CAP_SYSLOG when `dmesg_restrict` is set.
 * @throws {FfiError} When libc cannot be loaded.
 */
export function readKernelLog(path = "/dev/kmsg"): string[] {
  return readKmsgNative(path);
}

/**
 * Async form of {@linkcode readTextSync} (pseudo-files are read synchronously: procfs and
 * sysfs reads do not block).
 *
 * @param path The file.
 * @returns The text.
 * @throws {Deno.errors.NotFound} When it does not exist (other errno classes likewise).
 * @throws {Deno.errors.NotCapable} Outside the pseudo-filesystems without Deno's grant.
 * @throws {FfiError} When libc cannot be loaded.
 */
export function readText(path: string): Promise<string> {
  if (!isHostPseudoPath(path)) return Deno.readTextFile(path);
  return Promise.resolve().then(() => readTextSync(path));
}

function rangeOf(bytes: Uint8Array, range: ReadRange): Uint8Array {
  const start = range.offset ?? 0;
  return bytes.subarray(start, range.length === undefined ? undefined : start + range.length);
}

/**
 * Reads a file's bytes, or a range of them, synchronously (procfs/sysfs binary
 * attributes such as `vpd_pg80`). Use {@linkcode readBytes} for block devices.
 *
 * @param path The file.
 * @param range Offset and length.
 * @returns The bytes.
 * @throws {Deno.errors.NotFound} When it does not exist (other errno classes likewise).
 * @throws {Deno.errors.NotCapable} Outside the pseudo-filesystems without Deno's grant.
 * @throws {FfiError} When libc cannot be loaded.
 */
export function readBytesSync(path: string, range: ReadRange = {}): Uint8Array {
  if (!isHostPseudoPath(path)) return rangeOf(Deno.readFileSync(path), range);
  return readBytesNative(path, range);
}

/**
 * Reads a byte range of a file or block device (`pread` off the main thread for
 * pseudo-filesystem paths). Without `length`, reads to the end of the file.
 *
 * @param path The file or device.
 * @param range Offset and length.
 * @returns The bytes.
 * @throws {Deno.errors.NotFound} When it does not exist (other errno classes likewise).
 * @throws {Deno.errors.NotCapable} Outside the pseudo-filesystems without Deno's grant.
 * @throws {FfiError} When a device read fails or libc cannot be loaded.
 */
export async function readBytes(path: string, range: ReadRange = {}): Promise<Uint8Array> {
  if (range.length === undefined) {
    if (!isHostPseudoPath(path)) return rangeOf(await Deno.readFile(path), range);
    // procfs/sysfs files report no useful size: read them to the end.
    if (!statNative(path).isBlockDevice) return readBytesNative(path, range);
  }
  const file = await open(path);
  try {
    const offset = range.offset ?? 0;
    const length = range.length ?? Math.max(0, file.size - offset);
    return await file.read(offset, length);
  } finally {
    file.close();
  }
}

/**
 * Lists a directory (without `.` and `..`).
 *
 * @param path The directory.
 * @returns Its entries, shaped like `Deno.DirEntry`, in directory order.
 * @throws {Deno.errors.NotFound} When it does not exist (other errno classes likewise).
 * @throws {Deno.errors.NotCapable} Outside the pseudo-filesystems without Deno's grant.
 * @throws {FfiError} When libc cannot be loaded.
 */
export function readDirSync(path: string): Deno.DirEntry[] {
  if (!isHostPseudoPath(path)) return [...Deno.readDirSync(path)];
  return readDirNative(path);
}

/**
 * Async form of {@linkcode readDirSync}.
 *
 * @param path The directory.
 * @returns Its entries.
 * @throws {Deno.errors.NotFound} When it does not exist (other errno classes likewise).
 * @throws {Deno.errors.NotCapable} Outside the pseudo-filesystems without Deno's grant.
 * @throws {FfiError} When libc cannot be loaded.
 */
export async function readDir(path: string): Promise<Deno.DirEntry[]> {
  if (!isHostPseudoPath(path)) return await Array.fromAsync(Deno.readDir(path));
  return readDirNative(path);
}

/**
 * Reads a symbolic link's target as stored (not resolved).
 *
 * @param path The link.
 * @returns The target.
 * @throws {Deno.errors.NotFound} When it does not exist.
 * @throws {TypeError} When it is not a symbolic link (EINVAL, as Deno).
 * @throws {Deno.errors.NotCapable} Outside the pseudo-filesystems without Deno's grant.
 * @throws {FfiError} When libc cannot be loaded.
 */
export function readLinkSync(path: string): string {
  if (!isHostPseudoPath(path)) return Deno.readLinkSync(path);
  return readLinkNative(path);
}

/**
 * Async form of {@linkcode readLinkSync}.
 *
 * @param path The link.
 * @returns The target.
 * @throws {Deno.errors.NotFound} When it does not exist.
 * @throws {TypeError} When it is not a symbolic link.
 * @throws {Deno.errors.NotCapable} Outside the pseudo-filesystems without Deno's grant.
 * @throws {FfiError} When libc cannot be loaded.
 */
export function readLink(path: string): Promise<string> {
  if (!isHostPseudoPath(path)) return Deno.readLink(path);
  return Promise.resolve().then(() => readLinkNative(path));
}

/**
 * Resolves every symbolic link, `.` and `..` of a path.
 *
 * @param path The path.
 * @returns The canonical absolute path.
 * @throws {Deno.errors.NotFound} When a component does not exist.
 * @throws {Deno.errors.NotCapable} Outside the pseudo-filesystems without Deno's grant,
 *   or a pseudo-filesystem path resolving outside them.
 * @throws {FfiError} When libc cannot be loaded.
 */
export function realPathSync(path: string): string {
  if (!isHostPseudoPath(path)) return Deno.realPathSync(path);
  return realPathNative(path);
}

/**
 * Async form of {@linkcode realPathSync}.
 *
 * @param path The path.
 * @returns The canonical absolute path.
 * @throws {Deno.errors.NotFound} When a component does not exist.
 * @throws {Deno.errors.NotCapable} As {@linkcode realPathSync}.
 * @throws {FfiError} When libc cannot be loaded.
 */
export function realPath(path: string): Promise<string> {
  if (!isHostPseudoPath(path)) return Deno.realPath(path);
  return Promise.resolve().then(() => realPathNative(path));
}

/**
 * Stats a path, following symbolic links. Pseudo-filesystem paths are opened with
 * `O_PATH`, so stat-ing a block device never opens the device.
 *
 * @param path The path.
 * @returns Type, size, mode, dev/ino and rdev (with its major/minor).
 * @throws {Deno.errors.NotFound} When it does not exist (other errno classes likewise).
 * @throws {Deno.errors.NotCapable} Outside the pseudo-filesystems without Deno's grant.
 * @throws {FfiError} When libc cannot be loaded.
 */
export function statSync(path: string): HostStat {
  if (!isHostPseudoPath(path)) return fromDeno(Deno.statSync(path));
  return statNative(path);
}

/**
 * Async form of {@linkcode statSync}.
 *
 * @param path The path.
 * @returns The metadata.
 * @throws {Deno.errors.NotFound} When it does not exist (other errno classes likewise).
 * @throws {Deno.errors.NotCapable} Outside the pseudo-filesystems without Deno's grant.
 * @throws {FfiError} When libc cannot be loaded.
 */
export async function stat(path: string): Promise<HostStat> {
  if (!isHostPseudoPath(path)) return fromDeno(await Deno.stat(path));
  return statNative(path);
}

/**
 * Tells whether a path exists (following symbolic links).
 *
 * @param path The path.
 * @returns False for ENOENT/ENOTDIR, true otherwise.
 * @throws {Deno.errors.NotCapable} Outside the pseudo-filesystems without Deno's grant.
 * @throws {Deno.errors.PermissionDenied} When the answer cannot be known.
 * @throws {FfiError} When libc cannot be loaded.
 */
export function existsSync(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (err) {
    if (isMissing(err)) return false;
    throw err;
  }
}

/**
 * Async form of {@linkcode existsSync}.
 *
 * @param path The path.
 * @returns False for ENOENT/ENOTDIR, true otherwise.
 * @throws {Deno.errors.NotCapable} Outside the pseudo-filesystems without Deno's grant.
 * @throws {Deno.errors.PermissionDenied} When the answer cannot be known.
 * @throws {FfiError} When libc cannot be loaded.
 */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (err) {
    if (isMissing(err)) return false;
    throw err;
  }
}

async function openDeno(path: string): Promise<HostFile> {
  const file = await Deno.open(path, { read: true });
  try {
    const info = fromDeno(await file.stat());
    const size = info.isFile ? info.size : await file.seek(0, Deno.SeekMode.End);
    let closed = false;
    return {
      path,
      size,
      info,
      async read(offset: number, length: number): Promise<Uint8Array> {
        const buf = new Uint8Array(length);
        await file.seek(offset, Deno.SeekMode.Start);
        let got = 0;
        while (got < length) {
          const n = await file.read(buf.subarray(got));
          if (n === null) break;
          got += n;
        }
        return got === length ? buf : buf.subarray(0, got);
      },
      close(): void {
        if (closed) return;
        closed = true;
        file.close();
      },
    };
  } catch (err) {
    file.close();
    throw err;
  }
}

/**
 * Opens a file or block device read-only for repeated ranged reads.
 *
 * @param path The file or device.
 * @returns The open file (close it when done).
 * @throws {Deno.errors.NotFound} When it does not exist (other errno classes likewise).
 * @throws {Deno.errors.NotCapable} Outside the pseudo-filesystems without Deno's grant.
 * @throws {FfiError} When libc cannot be loaded.
 */
export function open(path: string): Promise<HostFile> {
  if (!isHostPseudoPath(path)) return openDeno(path);
  return Promise.resolve().then(() => {
    const file = new NativeFile(path);
    try {
      const info = file.stat();
      return {
        path,
        size: info.isBlockDevice ? file.size() : info.size,
        info,
        read: (offset: number, length: number) => file.read(offset, length),
        close: () => file.close(),
      };
    } catch (err) {
      file.close();
      throw err;
    }
  });
}

/**
 * Returns the identity (`st_dev`, `st_ino`) of a loop device's backing file, asked of the
 * kernel with `LOOP_GET_STATUS64` on the device itself, so the backing file need not be
 * readable under Deno's permissions.
 *
 * @param devicePath The loop device under /dev, e.g. `/dev/loop3`.
 * @returns The identity, or null when no file is attached.
 * @throws {Deno.errors.NotFound} When the device does not exist.
 * @throws {Deno.errors.NotCapable} When the path is not under /dev.
 */
export function loopBackingId(devicePath: string): { dev: number; ino: number } | null {
  if (!isHostPseudoPath(devicePath) || !devicePath.startsWith("/dev/")) {
    throw new Deno.errors.NotCapable(
      `Cannot query "${devicePath}" as a loop device: not a path under /dev`,
    );
  }
  return loopBackingIdNative(devicePath);
}

/** Options of {@linkcode nvmeAdminGetLogPage}. */
export interface NvmeLogPageOptions {
  /**
   * Log identifier.
   * @default NVME_LOG_SMART (0x02, SMART / Health Information)
   */
  lid?: number;
  /**
   * Namespace id.
   * @default NVME_NSID_ALL (0xFFFFFFFF, the controller-wide log)
   */
  nsid?: number;
  /**
   * Bytes to read (a positive multiple of 4).
   * @default 512
   */
  length?: number;
  /**
   * Command timeout passed to the driver, in milliseconds.
   * @default 0 (the driver's admin timeout, 60 s unless `nvme_core.admin_timeout` says otherwise)
   */
  timeoutMs?: number;
}

/**
 * Reads an NVMe log page with the Get Log Page admin command (`NVME_IOCTL_ADMIN_CMD`,
 * opcode 0x02) — by default the 512-byte SMART / Health Information log (LID 0x02) of the
 * whole controller (NSID 0xFFFFFFFF). Only NVMe device nodes are accepted: the path
 * (symlinks such as /dev/disk/by-id/nvme-… allowed) must resolve to /dev/nvmeN,
 * /dev/nvmeNnM or /dev/nvmeNnMpK before anything is opened, and the open descriptor is
 * checked again. The command runs off the main thread, so a drive that does not answer
 * does not stall the event loop. Needs CAP_SYS_ADMIN (root).
 *
 * @param devicePath The NVMe device, e.g. `/dev/nvme0n1` or `/dev/nvme0`.
 * @param options Log id, namespace, length and timeout.
 * @returns The page bytes.
 * @throws {Deno.errors.NotCapable} When the path is not (does not resolve to) an NVMe
 *   device node.
 * @throws {Deno.errors.NotFound} When the device does not exist.
 * @throws {Deno.errors.PermissionDenied} When it cannot be opened.
 * @throws {FfiError} When the command fails (`errno` ENOTTY/EINVAL: not NVMe; EPERM/
 *   EACCES: no CAP_SYS_ADMIN), the controller returns an error status, or libc cannot be
 *   loaded.
 * @throws {RangeError} When an option is out of range.
 */
export async function nvmeAdminGetLogPage(
  devicePath: string,
  options: NvmeLogPageOptions = {},
): Promise<Uint8Array> {
  const refuse = (resolved: string) =>
    new Deno.errors.NotCapable(
      `Cannot read an NVMe log page of "${devicePath}": ${
        resolved === devicePath ? "it" : `it resolves to "${resolved}", which`
      } is not an NVMe device node (/dev/nvmeN, /dev/nvmeNnM)`,
    );
  if (!isHostPseudoPath(devicePath) || !devicePath.startsWith("/dev/")) throw refuse(devicePath);
  const resolved = realPathNative(devicePath);
  if (!isNvmeDevicePath(resolved)) throw refuse(resolved);
  const { data } = await nvmeGetLogPageNative(resolved, {
    lid: options.lid ?? NVME_LOG_SMART,
    nsid: options.nsid ?? NVME_NSID_ALL,
    length: options.length ?? 512,
    timeoutMs: options.timeoutMs,
  }, { accept: isNvmeDevicePath });
  return data;
}

/** Options of {@linkcode scsiReadCommand}. */
export interface ScsiReadOptions {
  /** Bytes the command reads from the device (0 = none). */
  dataLength: number;
  /**
   * Command timeout in milliseconds.
   * @default 10000
   */
  timeoutMs?: number;
}

/**
 * Sends one read-only SCSI command through `SG_IO` (INQUIRY, REQUEST SENSE, LOG SENSE, or
 * ATA PASS-THROUGH (16) carrying IDENTIFY DEVICE or SMART READ DATA / READ THRESHOLDS /
 * RETURN STATUS — anything else is refused before the device is opened). Only whole SCSI
 * disks and generic nodes are accepted: the path (symlinks such as /dev/disk/by-id/ata-…
 * allowed) must resolve to /dev/sdX or /dev/sgN, and the open descriptor is checked again.
 * The command runs off the main thread. Needs root (CAP_SYS_RAWIO for ATA pass-through).
 *
 * @param devicePath The device, e.g. `/dev/sda`.
 * @param cdb The command descriptor block (6, 10, 12 or 16 bytes).
 * @param options The data length and timeout.
 * @returns Data, sense and statuses; a CHECK CONDITION is returned, not thrown.
 * @throws {Deno.errors.NotCapable} When the command is not allowed or the path is not (does
 *   not resolve to) a whole SCSI disk or generic node.
 * @throws {Deno.errors.NotFound} When the device does not exist.
 * @throws {FfiError} When the ioctl fails (ENOTTY/EINVAL: not SCSI; EPERM/EACCES).
 */
export async function scsiReadCommand(
  devicePath: string,
  cdb: Uint8Array,
  options: ScsiReadOptions,
): Promise<SgIoReply> {
  const refuse = (resolved: string) =>
    new Deno.errors.NotCapable(
      `Cannot send SG_IO to "${devicePath}": ${
        resolved === devicePath ? "it" : `it resolves to "${resolved}", which`
      } is not a whole SCSI disk or generic node (/dev/sdX, /dev/sgN)`,
    );
  if (!isHostPseudoPath(devicePath) || !devicePath.startsWith("/dev/")) throw refuse(devicePath);
  const resolved = realPathNative(devicePath);
  if (!isSgIoDevicePath(resolved)) throw refuse(resolved);
  return await sgIoNative(resolved, cdb, {
    accept: isSgIoDevicePath,
    dataLength: options.dataLength,
    timeoutMs: options.timeoutMs ?? 10_000,
  });
}

function unescapeMountinfo(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

/** Checks that `mountpoint` is a mount point of `device` in mountinfo; its device number. */
function mountOf(
  device: string,
  mountpoint: string,
  what: string,
): { major: number; minor: number } {
  const real = realPathNative(device.startsWith("/dev/") ? device : `/dev/${device}`);
  const devno = readTextSync(`/sys/class/block/${real.slice(real.lastIndexOf("/") + 1)}/dev`)
    .trim();
  const [major, minor] = devno.split(":").map(Number) as [number, number];
  const mounted = readTextSync("/proc/self/mountinfo").split("\n").some((line) => {
    const f = line.split(" ");
    return f[2] === devno && f[4] !== undefined && unescapeMountinfo(f[4]) === mountpoint;
  });
  if (!mounted) {
    throw new Deno.errors.NotCapable(
      `Refusing to ${what} "${mountpoint}": it is not a mount point of ${device} ` +
        `(${devno}) in /proc/self/mountinfo`,
    );
  }
  return { major, minor };
}

/**
 * Asks a mounted filesystem for the attributes of its root (`statx` on an `O_PATH`
 * handle: no data is read) and returns the errno when it refuses: EIO means the
 * filesystem has shut itself down after errors (XFS), although mountinfo still lists it.
 * Only mount points of `device` are accepted.
 *
 * @param device The block device.
 * @param mountpoint A mount point of that device.
 * @returns The errno, or null when the root answers.
 * @throws {Deno.errors.NotCapable} When `mountpoint` is not a mount point of `device`.
 * @throws {Deno.errors.NotFound} When the device or the mount point is gone.
 * @throws {FfiError} When libc cannot be loaded.
 */
export function mountRootErrno(device: string, mountpoint: string): number | null {
  mountOf(device, mountpoint, "stat");
  return mountRootErrnoNative(mountpoint);
}

/**
 * The write probe of the disk-health machine, on a filesystem mounted anywhere.
 *
 * Why through libc: the machine must write-test filesystems where the host mounted them
 * (`/var/lib/ceph/osd/ceph-N`, `/mnt/…`, `/srv/…`), and the launcher cannot list every
 * mount point of every host in `--allow-write` (nor should it grant writes to whole
 * trees). So the probe grants itself exactly one thing, checked in code: an unnamed
 * `O_TMPFILE` file on the ROOT of a mount of the disk under test. `mountpoint` must
 * appear in `/proc/self/mountinfo` as a mount point of `device` (by device number), the
 * opened directory must be that very path (no symlink) on that very device (`st_dev`),
 * and nothing is ever created under a name: the file has no directory entry, cannot
 * collide with or overwrite anything, and vanishes on close, even after a crash. The data
 * (64 KiB) is written, fsync'd, dropped from the page cache and read back from the device.
 *
 * @param device The block device under test (whole disk or partition, symlinks allowed).
 * @param mountpoint A mount point of that device (as in mountinfo).
 * @returns `ok`, or which step failed with its errno where it is observable.
 * @throws {Deno.errors.NotCapable} When `mountpoint` is not a mount point of `device`
 *   (a refusal by Bynar itself, never a disk fault).
 * @throws {Deno.errors.NotFound} When the device or the mount point is gone.
 * @throws {FfiError} When libc cannot be loaded.
 */
export async function writeProbe(
  device: string,
  mountpoint: string,
): Promise<WriteProbeNativeResult> {
  const { major, minor } = mountOf(device, mountpoint, "write-test");
  const data = crypto.getRandomValues(new Uint8Array(65536));
  return await writeProbeNative(mountpoint, { expected: { major, minor }, data });
}

/**
 * Unloads libc (tests; long-running daemons need not call it). Idempotent; the next read
 * loads it again.
 */
export function closeHostFs(): void {
  closeLibc();
}
