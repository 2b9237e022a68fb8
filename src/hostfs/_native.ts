/**
 * libc implementations of the host-filesystem reads. Internal to `src/hostfs/`.
 *
 * Every operation first opens its target (`O_PATH` where nothing is read) and checks
 * where the descriptor really points (`readlink /proc/self/fd/N`): a path that lexically
 * starts with /proc, /sys or /dev but resolves elsewhere (`/proc/self/root/etc/shadow`,
 * `/dev/fd/0`) is refused with `Deno.errors.NotCapable`, so the adapter cannot be used to
 * step around Deno's permission checks.
 *
 * @module
 */
import { FfiError } from "../errors.ts";
import {
  AT_EMPTY_PATH,
  errno,
  errnoError,
  errnoName,
  errnoText,
  type Libc,
  libc,
  O_DIRECTORY,
  O_NOFOLLOW,
  O_PATH,
  O_READ,
  O_TMPFILE_RDWR,
  PATH_MAX,
  POSIX_FADV_DONTNEED,
  SEEK_END,
  setErrno,
  STATX_BASIC_STATS,
  withLibc,
} from "../../ffi/libc/mod.ts";
import { HOST_PSEUDO_FS } from "./_paths.ts";
import {
  describeNvmeStatus,
  encodeGetLogPage,
  type GetLogPageRequest,
  NVME_CMD,
  NVME_IOCTL_ADMIN_CMD,
} from "./_nvme.ts";

/** File metadata (a subset of `Deno.FileInfo`, plus the device numbers). */
export interface HostStat {
  /** A regular file. */
  isFile: boolean;
  /** A directory. */
  isDirectory: boolean;
  /** A symbolic link (only from {@linkcode statPath} with `followLinks: false`). */
  isSymlink: boolean;
  /** A block device. */
  isBlockDevice: boolean;
  /** A character device. */
  isCharDevice: boolean;
  /** Size in bytes (0 for block devices: use `HostFile.size`). */
  size: number;
  /** `st_mode` (type and permission bits). */
  mode: number;
  /** `st_dev`, glibc-encoded like `Deno.FileInfo.dev`. */
  dev: number;
  /** `st_ino`. */
  ino: number;
  /** `st_rdev`, glibc-encoded like `Deno.FileInfo.rdev` (0 unless a device). */
  rdev: number;
  /** Major number of `rdev`. */
  rdevMajor: number;
  /** Minor number of `rdev`. */
  rdevMinor: number;
}

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();
const S_IFMT = 0o170000;
const STATX_SIZE = 256;
const CHUNK = 65536;

/**
 * `struct statx` offsets (linux/stat.h; identical on every architecture):
 * 0 u32 stx_mask, 4 u32 stx_blksize, 8 u64 stx_attributes, 16 u32 stx_nlink, 20 u32
 * stx_uid, 24 u32 stx_gid, 28 u16 stx_mode, 32 u64 stx_ino, 40 u64 stx_size, 48 u64
 * stx_blocks, 56 u64 stx_attributes_mask, 64/80/96/112 timestamps (16 bytes each), 128 u32
 * stx_rdev_major, 132 u32 stx_rdev_minor, 136 u32 stx_dev_major, 140 u32 stx_dev_minor;
 * 256 bytes in all.
 */
const STX = { mode: 28, ino: 32, size: 40, rdevMajor: 128, rdevMinor: 132, devMajor: 136 };

/**
 * `struct dirent` offsets (glibc, 64-bit): 0 u64 d_ino, 8 i64 d_off, 16 u16 d_reclen,
 * 18 u8 d_type, 19 char d_name[256].
 */
const DIRENT = { type: 18, name: 19 };
const DT_UNKNOWN = 0;
const DT_DIR = 4;
const DT_REG = 8;
const DT_LNK = 10;

function cstr(path: string): Uint8Array<ArrayBuffer> {
  if (path.includes("\0")) throw new TypeError(`Cannot use path "${path}": it contains a NUL`);
  return ENCODER.encode(path + "\0");
}

/** glibc `gnu_dev_makedev`, as Deno reports `dev`/`rdev`. */
function makedev(major: number, minor: number): number {
  const ma = BigInt(major);
  const mi = BigInt(minor);
  return Number(
    ((ma & 0xfffn) << 8n) | ((ma & ~0xfffn) << 32n) | (mi & 0xffn) | ((mi & ~0xffn) << 12n),
  );
}

function inPseudoFs(resolved: string): boolean {
  return HOST_PSEUDO_FS.some((root) => resolved === root || resolved.startsWith(root + "/"));
}

function refuse(path: string, resolved: string): Deno.errors.NotCapable {
  return new Deno.errors.NotCapable(
    `Cannot read "${path}" through the host-filesystem adapter: it resolves to ` +
      `"${resolved}", outside ${HOST_PSEUDO_FS.join(", ")}; Deno's --allow-read applies there`,
  );
}

/** Where an open descriptor points (`readlink /proc/self/fd/N`). */
export function fdPath(c: Libc, fd: number): string | null {
  const buf = new Uint8Array(PATH_MAX);
  const n = Number(c.readlink(cstr(`/proc/self/fd/${fd}`), buf, BigInt(buf.length)));
  return n < 0 ? null : DECODER.decode(buf.subarray(0, n));
}

/**
 * Opens a path and checks that the descriptor points into a pseudo-filesystem.
 *
 * @returns The descriptor (the caller closes it).
 */
export function openChecked(c: Libc, path: string, flags: number, op: string): number {
  const fd = c.open(cstr(path), flags);
  if (fd < 0) throw errnoError(c, errno(c), `${op} '${path}'`);
  const resolved = fdPath(c, fd);
  if (resolved === null || !inPseudoFs(resolved)) {
    c.close(fd);
    throw refuse(path, resolved ?? "(unknown: /proc/self/fd is not readable)");
  }
  return fd;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let off = 0;
  for (const chunk of chunks) {
    out.set(chunk, off);
    off += chunk.length;
  }
  return out;
}

/**
 * Reads a whole pseudo-file (or a range of it) synchronously.
 *
 * @param path The path (already routed to libc).
 * @param range Offset and length; without length, to the end.
 * @returns The bytes.
 * @throws {Deno.errors.NotFound} And the other Deno error classes, by errno.
 */
export function readBytesNative(
  path: string,
  range: { offset?: number; length?: number } = {},
): Uint8Array {
  const c = libc();
  const fd = openChecked(c, path, O_READ, "open");
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let offset = range.offset ?? 0;
    const want = range.length ?? Infinity;
    while (total < want) {
      const buf = new Uint8Array(Math.min(CHUNK, want - total));
      const n = Number(
        range.offset === undefined
          ? c.read(fd, buf, BigInt(buf.length))
          : c.pread(fd, buf, BigInt(buf.length), BigInt(offset)),
      );
      if (n < 0) {
        const e = errno(c);
        if (e === 4) continue; // EINTR
        throw errnoError(c, e, `read '${path}'`);
      }
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      offset += n;
    }
    return concat(chunks, total);
  } finally {
    c.close(fd);
  }
}

/**
 * Reads every record the kernel log buffer holds now from `/dev/kmsg` (one record per
 * `read`; non-blocking, so the end of the buffer answers EAGAIN; EPIPE means records were
 * overwritten meanwhile and reading goes on).
 *
 * @param path The kernel log device (`/dev/kmsg`).
 * @returns The records, oldest first, as text (`prio,seq,usec,flags;message`).
 * @throws {Deno.errors.NotFound} And the other Deno error classes, by errno.
 */
export function readKmsgNative(path: string): string[] {
  const c = libc();
  const fd = openChecked(c, path, O_READ, "open");
  const out: string[] = [];
  try {
    const buf = new Uint8Array(8192);
    for (;;) {
      const n = Number(c.read(fd, buf, BigInt(buf.length)));
      if (n < 0) {
        const e = errno(c);
        if (e === 4 || e === 32) continue; // EINTR; EPIPE: overwritten, go on
        if (e === 11) break; // EAGAIN: the end of the buffer
        throw errnoError(c, e, `read '${path}'`);
      }
      if (n === 0) break;
      out.push(DECODER.decode(buf.subarray(0, n)));
    }
    return out;
  } finally {
    c.close(fd);
  }
}

/**
 * Lists a pseudo-filesystem directory (without `.` and `..`).
 *
 * @param path The directory.
 * @returns Entries in directory order, shaped like `Deno.DirEntry`.
 * @throws {Deno.errors.NotFound} And the other Deno error classes, by errno.
 */
export function readDirNative(path: string): Deno.DirEntry[] {
  const c = libc();
  const fd = openChecked(c, path, O_READ | O_DIRECTORY, "readdir");
  const dir = c.fdopendir(fd);
  if (dir === null) {
    const e = errno(c);
    c.close(fd);
    throw errnoError(c, e, `readdir '${path}'`);
  }
  const out: Deno.DirEntry[] = [];
  try {
    for (;;) {
      setErrno(c, 0);
      const ent = c.readdir(dir);
      if (ent === null) {
        const e = errno(c);
        if (e !== 0) throw errnoError(c, e, `readdir '${path}'`);
        break;
      }
      const view = new Deno.UnsafePointerView(ent);
      const name = view.getCString(DIRENT.name);
      if (name === "." || name === "..") continue;
      let type = view.getUint8(DIRENT.type);
      if (type === DT_UNKNOWN) {
        const st = statNative(`${path}/${name}`, { followLinks: false });
        type = st.isDirectory ? DT_DIR : st.isFile ? DT_REG : st.isSymlink ? DT_LNK : -1;
      }
      out.push({
        name,
        isFile: type === DT_REG,
        isDirectory: type === DT_DIR,
        isSymlink: type === DT_LNK,
      });
    }
  } finally {
    c.closedir(dir);
  }
  return out;
}

/**
 * Reads a symbolic link's target (the parent directory must resolve into a
 * pseudo-filesystem).
 *
 * @param path The link.
 * @returns The raw target.
 * @throws {TypeError} When the path is not a link (EINVAL, as Deno).
 */
export function readLinkNative(path: string): string {
  const c = libc();
  const fd = openChecked(c, path, O_PATH | O_NOFOLLOW, "readlink");
  try {
    const buf = new Uint8Array(PATH_MAX);
    const n = Number(c.readlinkat(fd, cstr(""), buf, BigInt(buf.length)));
    if (n < 0) {
      const e = errno(c);
      // readlinkat(fd, "") on a non-link gives ENOENT; Deno reports EINVAL.
      throw errnoError(c, e === 2 ? 22 : e, `readlink '${path}'`);
    }
    return DECODER.decode(buf.subarray(0, n));
  } finally {
    c.close(fd);
  }
}

/**
 * Resolves a path to its canonical absolute form.
 *
 * @param path The path.
 * @returns The resolved path (must itself be in a pseudo-filesystem).
 * @throws {Deno.errors.NotFound} When a component does not exist.
 * @throws {Deno.errors.NotCapable} When it resolves outside /proc, /sys and /dev.
 */
export function realPathNative(path: string): string {
  const c = libc();
  const buf = new Uint8Array(PATH_MAX);
  if (c.realpath(cstr(path), buf) === null) {
    throw errnoError(c, errno(c), `realpath '${path}'`);
  }
  const resolved = DECODER.decode(buf.subarray(0, buf.indexOf(0)));
  if (!inPseudoFs(resolved)) throw refuse(path, resolved);
  return resolved;
}

function statFd(c: Libc, fd: number, path: string): HostStat {
  const buf = new Uint8Array(STATX_SIZE);
  if (c.statx(fd, cstr(""), AT_EMPTY_PATH, STATX_BASIC_STATS, buf) !== 0) {
    throw errnoError(c, errno(c), `stat '${path}'`);
  }
  const v = new DataView(buf.buffer);
  const mode = v.getUint16(STX.mode, true);
  const type = mode & S_IFMT;
  const rdevMajor = v.getUint32(STX.rdevMajor, true);
  const rdevMinor = v.getUint32(STX.rdevMinor, true);
  return {
    isFile: type === 0o100000,
    isDirectory: type === 0o040000,
    isSymlink: type === 0o120000,
    isBlockDevice: type === 0o060000,
    isCharDevice: type === 0o020000,
    size: Number(v.getBigUint64(STX.size, true)),
    mode,
    dev: makedev(v.getUint32(STX.devMajor, true), v.getUint32(STX.devMajor + 4, true)),
    ino: Number(v.getBigUint64(STX.ino, true)),
    rdev: makedev(rdevMajor, rdevMinor),
    rdevMajor,
    rdevMinor,
  };
}

/**
 * Stats a pseudo-filesystem path without opening the file itself (`O_PATH`).
 *
 * @param path The path.
 * @param options `followLinks: false` stats a symlink itself.
 * @returns The metadata.
 * @throws {Deno.errors.NotFound} And the other Deno error classes, by errno.
 */
export function statNative(path: string, options: { followLinks?: boolean } = {}): HostStat {
  const c = libc();
  const fd = openChecked(
    c,
    path,
    O_PATH | (options.followLinks === false ? O_NOFOLLOW : 0),
    "stat",
  );
  try {
    return statFd(c, fd, path);
  } finally {
    c.close(fd);
  }
}

/** An open pseudo-filesystem file (typically a block device) for repeated ranged reads. */
export class NativeFile {
  readonly #path: string;
  #fd: number;
  #pending = 0;
  #closed = false;

  /**
   * Opens the file.
   *
   * @param path The path (already routed to libc).
   * @throws {Deno.errors.NotFound} And the other Deno error classes, by errno.
   */
  constructor(path: string) {
    this.#path = path;
    this.#fd = openChecked(libc(), path, O_READ, "open");
  }

  #live(): number {
    if (this.#closed) throw new Deno.errors.BadResource(`Cannot use "${this.#path}": closed`);
    return this.#fd;
  }

  /**
   * Size in bytes (`lseek(fd, 0, SEEK_END)`, which works for block devices too).
   *
   * @returns The size.
   */
  size(): number {
    const c = libc();
    const n = Number(c.lseek(this.#live(), 0n, SEEK_END));
    if (n < 0) throw errnoError(c, errno(c), `seek '${this.#path}'`);
    return n;
  }

  /**
   * Stats the open file.
   *
   * @returns The metadata.
   */
  stat(): HostStat {
    return statFd(libc(), this.#live(), this.#path);
  }

  /**
   * Reads `length` bytes at `offset` off the main thread (fewer only at end of file).
   *
   * @param offset Byte offset.
   * @param length Byte count.
   * @returns The bytes.
   * @throws {FfiError} When the read fails (errno is not observable off the main thread).
   */
  async read(offset: number, length: number): Promise<Uint8Array> {
    const fd = this.#live();
    const buf = new Uint8Array(length);
    let got = 0;
    this.#pending++;
    try {
      await withLibc(async (c) => {
        while (got < length) {
          const n = Number(
            await c.pread_nonblocking(
              fd,
              buf.subarray(got),
              BigInt(length - got),
              BigInt(offset + got),
            ),
          );
          if (n < 0) {
            throw new FfiError(
              "libc",
              `Cannot read ${length} bytes at offset ${offset} of "${this.#path}": the read ` +
                "failed (an I/O error, or an offset the device rejects); check the kernel log",
              { op: "pread", device: this.#path },
            );
          }
          if (n === 0) break;
          got += n;
        }
      });
    } finally {
      this.#pending--;
      if (this.#closed && this.#pending === 0) this.#release();
    }
    return got === length ? buf : buf.subarray(0, got);
  }

  #release(): void {
    if (this.#fd < 0) return;
    libc().close(this.#fd);
    this.#fd = -1;
  }

  /** Closes the file (after reads in flight finish). Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#pending === 0) this.#release();
  }
}

/** `LOOP_GET_STATUS64` (linux/loop.h). */
const LOOP_GET_STATUS64 = 0x4c05n;
/** `sizeof(struct loop_info64)` on x86_64. */
const LOOP_INFO64_SIZE = 232;

/**
 * Reads a loop device's backing-file identity with `LOOP_GET_STATUS64`.
 *
 * `struct loop_info64` (x86_64): `lo_device` u64 @0 (the backing file's `st_dev`, encoded
 * like glibc's makedev for majors < 4096), `lo_inode` u64 @8, … `lo_file_name[64]` @56;
 * 232 bytes in all.
 *
 * @param path The loop device, e.g. `/dev/loop3`.
 * @returns The backing file's device and inode, or null when nothing is attached (ENXIO).
 */
export function loopBackingIdNative(path: string): { dev: number; ino: number } | null {
  const c = libc();
  const fd = openChecked(c, path, O_READ, "open");
  try {
    const info = new Uint8Array(LOOP_INFO64_SIZE);
    if (c.ioctl(fd, LOOP_GET_STATUS64, info) < 0) {
      const e = errno(c);
      if (e === 6 /* ENXIO: no backing file */) return null;
      throw errnoError(c, e, `ioctl LOOP_GET_STATUS64 '${path}'`);
    }
    const view = new DataView(info.buffer);
    return {
      dev: Number(view.getBigUint64(0, true)),
      ino: Number(view.getBigUint64(8, true)),
    };
  } finally {
    c.close(fd);
  }
}

/** Options of {@linkcode nvmeGetLogPageNative}. */
export interface NvmeNativeOptions {
  /**
   * Which resolved device paths may receive the command (checked on the open descriptor,
   * so a symlink swapped after the caller's check is still refused).
   */
  accept: (resolved: string) => boolean;
  /** Monotonic milliseconds (tests inject one). @default performance.now */
  clock?: () => number;
  /**
   * A nonblocking call that fails within this many milliseconds is replayed synchronously
   * to learn its errno (the kernel rejects ENOTTY/EINVAL/EACCES/EPERM before any command
   * reaches the drive, so the replay cannot hang); a slower failure is reported without
   * an errno rather than risk blocking the event loop on a hung drive.
   * @default 200
   */
  replayWithinMs?: number;
}

/**
 * Sends an NVMe Get Log Page admin command (`NVME_IOCTL_ADMIN_CMD`) and returns the page.
 *
 * The command runs off the main thread (`ioctl_nonblocking`); the data buffer and the
 * command stay referenced until it returns, and the descriptor is closed after it.
 *
 * @param path The device node (already routed to libc).
 * @param req Log id, namespace id, length and timeout.
 * @param options Which resolved paths are accepted, clock and replay window.
 * @returns The page and completion dword 0.
 * @throws {Deno.errors.NotCapable} When the descriptor resolves to a path not accepted.
 * @throws {FfiError} When the ioctl fails (`errno` set when known; ENOTTY/EINVAL on a
 *   device that is not NVMe) or the controller completes with an error status.
 */
export async function nvmeGetLogPageNative(
  path: string,
  req: GetLogPageRequest,
  options: NvmeNativeOptions,
): Promise<{ data: Uint8Array; result: number }> {
  const c = libc();
  const fd = openChecked(c, path, O_READ, "open");
  const what = `NVMe log page 0x${req.lid.toString(16).padStart(2, "0")}`;
  try {
    const resolved = fdPath(c, fd) ?? "(unknown)";
    if (!options.accept(resolved)) {
      throw new Deno.errors.NotCapable(
        `Cannot read ${what} of "${path}": it resolves to "${resolved}", which is not an ` +
          "NVMe device node (/dev/nvmeN, /dev/nvmeNnM)",
      );
    }
    const data = new Uint8Array(req.length);
    const addr = BigInt(Deno.UnsafePointer.value(Deno.UnsafePointer.of(data)));
    const cmd = encodeGetLogPage(req, addr);
    const clock = options.clock ?? (() => performance.now());
    const op = "ioctl NVME_IOCTL_ADMIN_CMD";
    const rc = await withLibc(async (l) => {
      const start = clock();
      const first = await l.ioctl_nonblocking(fd, NVME_IOCTL_ADMIN_CMD, cmd);
      if (first >= 0) return first;
      const elapsed = clock() - start;
      if (elapsed > (options.replayWithinMs ?? 200)) {
        throw new FfiError(
          "libc",
          `Cannot read ${what} of "${path}": ${op} failed after ${Math.round(elapsed)} ms ` +
            "(errno not observable off the main thread); the drive may not be answering, " +
            "check the kernel log",
          { op, device: path },
        );
      }
      // A fast failure: replay synchronously, on this thread, to learn the errno.
      const again = l.ioctl(fd, NVME_IOCTL_ADMIN_CMD, cmd);
      if (again >= 0) return again;
      const e = errno(l);
      const hint = e === 25 || e === 22
        ? "not an NVMe device (or the driver rejects admin passthrough)"
        : e === 1 || e === 13
        ? "admin passthrough needs CAP_SYS_ADMIN"
        : "see the kernel log";
      throw new FfiError(
        "libc",
        `Cannot read ${what} of "${path}": ${op} failed with ${errnoName(e)} ` +
          `(${errnoText(l, e)}); ${hint}`,
        { op, errno: e, device: path },
      );
    });
    if (rc > 0) {
      throw new FfiError(
        "libc",
        `Cannot read ${what} of "${path}": the controller completed Get Log Page with ` +
          `status ${describeNvmeStatus(rc)}`,
        { op, device: path },
      );
    }
    const result = new DataView(cmd.buffer).getUint32(NVME_CMD.result, true);
    return { data, result };
  } finally {
    libc().close(fd); // libc() again: closeHostFs() may have unloaded it meanwhile
  }
}

/** What the write probe found (see `writeProbe` in mod.ts). */
export interface WriteProbeNativeResult {
  /** `ok`, or the step that failed. */
  status: "ok" | "open_failed" | "write_failed" | "fsync_failed" | "read_failed" | "mismatch";
  /** errno of a failed synchronous step (open, write); null otherwise. */
  errno: number | null;
  /** One line saying what happened. */
  detail: string;
}

/**
 * The write probe on a mount root whose device was checked by the caller: opens the
 * directory (`O_DIRECTORY|O_NOFOLLOW`), checks that the descriptor is that very path and
 * that its filesystem lives on `expected` (`st_dev`), creates an unnamed file in it
 * (`O_TMPFILE`: it never appears in the directory and vanishes on close or crash), writes
 * `data`, fsyncs (off the main thread), drops the pages from the cache and reads them back
 * from the device (off the main thread), then closes everything.
 *
 * @param mountpoint The mount root.
 * @param options `expected`: the device number the filesystem must be on; `data`: the
 *   bytes to write.
 * @returns What happened.
 * @throws {Deno.errors.NotCapable} When the path is not a directory on `expected`.
 * @throws {Deno.errors.NotFound} And the other Deno error classes when the mount root
 *   cannot be opened.
 */
export async function writeProbeNative(
  mountpoint: string,
  options: { expected: { major: number; minor: number }; data: Uint8Array<ArrayBuffer> },
): Promise<WriteProbeNativeResult> {
  const { expected, data } = options;
  const c = libc();
  const dirfd = c.open(cstr(mountpoint), O_READ | O_DIRECTORY | O_NOFOLLOW);
  if (dirfd < 0) throw errnoError(c, errno(c), `open '${mountpoint}'`);
  try {
    const resolved = fdPath(c, dirfd);
    const buf = new Uint8Array(STATX_SIZE);
    if (c.statx(dirfd, cstr(""), AT_EMPTY_PATH, STATX_BASIC_STATS, buf) !== 0) {
      throw errnoError(c, errno(c), `stat '${mountpoint}'`);
    }
    const v = new DataView(buf.buffer);
    const major = v.getUint32(STX.devMajor, true);
    const minor = v.getUint32(STX.devMajor + 4, true);
    if (resolved !== mountpoint || major !== expected.major || minor !== expected.minor) {
      throw new Deno.errors.NotCapable(
        `Refusing to write-test "${mountpoint}": it is ${
          resolved !== mountpoint ? `"${resolved}"` : `on device ${major}:${minor}`
        }, not a mount root on device ${expected.major}:${expected.minor}`,
      );
    }
    const fd = c.openat(dirfd, cstr("."), O_TMPFILE_RDWR, 0o600);
    if (fd < 0) {
      const e = errno(c);
      return { status: "open_failed", errno: e, detail: `${errnoText(c, e)} (${errnoName(e)})` };
    }
    try {
      let off = 0;
      while (off < data.length) {
        const n = Number(c.pwrite(fd, data.subarray(off), BigInt(data.length - off), BigInt(off)));
        if (n < 0) {
          const e = errno(c);
          if (e === 4) continue;
          return {
            status: "write_failed",
            errno: e,
            detail: `${errnoText(c, e)} (${errnoName(e)})`,
          };
        }
        off += n;
      }
      const synced = await withLibc((l) => l.fsync_nonblocking(fd));
      if (synced !== 0) {
        return {
          status: "fsync_failed",
          errno: null,
          detail: "fsync failed: the kernel could not write the data to the device",
        };
      }
      c.posix_fadvise(fd, 0n, 0n, POSIX_FADV_DONTNEED);
      const back = new Uint8Array(data.length);
      let got = 0;
      while (got < back.length) {
        const n = Number(
          await withLibc((l) =>
            l.pread_nonblocking(fd, back.subarray(got), BigInt(back.length - got), BigInt(got))
          ),
        );
        if (n <= 0) {
          return {
            status: "read_failed",
            errno: null,
            detail: n < 0 ? "reading the data back failed" : `read back only ${got} bytes`,
          };
        }
        got += n;
      }
      if (!back.every((b, i) => b === data[i])) {
        return { status: "mismatch", errno: null, detail: "data read back differs" };
      }
      return {
        status: "ok",
        errno: null,
        detail: `wrote, fsync'd and read back ${data.length} bytes from the device`,
      };
    } finally {
      c.close(fd);
    }
  } finally {
    c.close(dirfd);
  }
}

/**
 * Stats the root of a mount (`O_PATH`: nothing is opened for reading) and returns the
 * errno of a failed `statx`, e.g. EIO from a shut-down XFS, or null when it answers.
 *
 * @param mountpoint The mount root (checked by the caller to be a mount of the device).
 * @returns The errno, or null.
 * @throws {Deno.errors.NotCapable} When the descriptor is not that very path.
 * @throws {Deno.errors.NotFound} And the other Deno error classes when it cannot be opened.
 */
export function mountRootErrnoNative(mountpoint: string): number | null {
  const c = libc();
  const fd = c.open(cstr(mountpoint), O_PATH | O_DIRECTORY | O_NOFOLLOW);
  if (fd < 0) {
    const e = errno(c);
    if (e === 5) return e; // EIO while looking the root up
    throw errnoError(c, e, `open '${mountpoint}'`);
  }
  try {
    const resolved = fdPath(c, fd);
    if (resolved !== mountpoint) {
      throw new Deno.errors.NotCapable(
        `Refusing to stat "${mountpoint}": it resolves to "${resolved}"`,
      );
    }
    const buf = new Uint8Array(STATX_SIZE);
    return c.statx(fd, cstr(""), AT_EMPTY_PATH, STATX_BASIC_STATS, buf) === 0 ? null : errno(c);
  } finally {
    c.close(fd);
  }
}
