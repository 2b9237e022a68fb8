/**
 * The one C-library binding: symbol table, ONE lazy `dlopen` shared by every user
 * (`src/hostfs`, `ffi/libblkid`, `ffi/libatasmart`), errno access and errno → error mapping
 * (names from the one table in {@link ./errno.ts}). No pointer leaves its callers.
 *
 * Every call is synchronous (so `errno` is the calling thread's) except
 * `pread_nonblocking` and `ioctl_nonblocking`, which read block devices and send NVMe
 * admin commands off the main thread: a hung disk must not stall the event loop. A failing
 * nonblocking call cannot report its errno (the worker thread's errno is not observable),
 * so its caller raises an {@linkcode FfiError} without one (or replays a fast failure
 * synchronously to learn it, see `nvmeGetLogPageNative`).
 *
 * @module
 */
import { FfiError } from "../../src/errors.ts";
import { errnoName } from "./errno.ts";

export { errnoName, errnoNumber } from "./errno.ts";

/** Absolute path of the C library on Debian x86_64 (merged /usr). */
export const LIBC_PATH = "/usr/lib/x86_64-linux-gnu/libc.so.6";

/** `O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY` (x86_64): never waits for a FIFO/tty. */
export const O_READ = 0o0 | 0o4000 | 0o2000000 | 0o400;
/** `O_DIRECTORY`. */
export const O_DIRECTORY = 0o200000;
/** `O_PATH | O_CLOEXEC`: a handle for stat/readlinkat that does not open the device. */
export const O_PATH = 0o10000000 | 0o2000000;
/** `O_NOFOLLOW`. */
export const O_NOFOLLOW = 0o400000;
/** `AT_EMPTY_PATH`: statx/readlinkat on the descriptor itself. */
export const AT_EMPTY_PATH = 0x1000;
/** `STATX_BASIC_STATS`. */
export const STATX_BASIC_STATS = 0x7ff;
/** `O_TMPFILE | O_RDWR | O_CLOEXEC` (x86_64): an unnamed file in a directory. */
export const O_TMPFILE_RDWR = 0o20200000 | 0o2 | 0o2000000;
/** `POSIX_FADV_DONTNEED`: drop the file's clean pages from the page cache. */
export const POSIX_FADV_DONTNEED = 4;
/** `SEEK_END`. */
export const SEEK_END = 2;
/** `PATH_MAX`. */
export const PATH_MAX = 4096;

/** libc functions used by Bynar (x86_64 glibc ≥ 2.28). */
export const LIBC_SYMBOLS = {
  /** `int open(const char *pathname, int flags);` */
  open: { parameters: ["buffer", "i32"], result: "i32" },
  /** `ssize_t read(int fd, void *buf, size_t count);` (procfs/sysfs: never blocks) */
  read: { parameters: ["i32", "buffer", "usize"], result: "isize" },
  /** `ssize_t pread(int fd, void *buf, size_t count, off_t offset);` */
  pread: { parameters: ["i32", "buffer", "usize", "i64"], result: "isize" },
  /** `pread`, off the main thread: block devices may hang on a failing disk. */
  pread_nonblocking: {
    name: "pread",
    parameters: ["i32", "buffer", "usize", "i64"],
    result: "isize",
    nonblocking: true,
  },
  /** `off_t lseek(int fd, off_t offset, int whence);` (size of a block device) */
  lseek: { parameters: ["i32", "i64", "i32"], result: "i64" },
  /** `int close(int fd);` */
  close: { parameters: ["i32"], result: "i32" },
  /** `DIR *fdopendir(int fd);` (takes ownership of fd) */
  fdopendir: { parameters: ["i32"], result: "pointer" },
  /** `struct dirent *readdir(DIR *dirp);` */
  readdir: { parameters: ["pointer"], result: "pointer" },
  /** `int closedir(DIR *dirp);` */
  closedir: { parameters: ["pointer"], result: "i32" },
  /** `ssize_t readlink(const char *path, char *buf, size_t bufsiz);` */
  readlink: { parameters: ["buffer", "buffer", "usize"], result: "isize" },
  /** `ssize_t readlinkat(int dirfd, const char *path, char *buf, size_t bufsiz);` */
  readlinkat: { parameters: ["i32", "buffer", "buffer", "usize"], result: "isize" },
  /** `char *realpath(const char *path, char *resolved_path);` (resolved_path: PATH_MAX) */
  realpath: { parameters: ["buffer", "buffer"], result: "pointer" },
  /**
   * `int statx(int dirfd, const char *path, int flags, unsigned int mask,
   * struct statx *buf);` (glibc 2.28)
   */
  statx: { parameters: ["i32", "buffer", "i32", "u32", "buffer"], result: "i32" },
  /**
   * `int ioctl(int fd, unsigned long request, void *arg);` (variadic in C; called with one
   * pointer argument and no floating-point arguments, which the x86_64 SysV ABI allows)
   */
  ioctl: { parameters: ["i32", "u64", "buffer"], result: "i32" },
  /**
   * `ioctl`, off the main thread: an NVMe admin command waits for the controller, which
   * may hang on a failing drive (up to the driver's admin timeout).
   */
  ioctl_nonblocking: {
    name: "ioctl",
    parameters: ["i32", "u64", "buffer"],
    result: "i32",
    nonblocking: true,
  },
  /**
   * `int openat(int dirfd, const char *path, int flags, mode_t mode);` (variadic in C; the
   * mode is an integer argument, which the x86_64 SysV ABI passes like a fixed one). Used
   * only by the write probe, with `O_TMPFILE` on a verified mount root.
   */
  openat: { parameters: ["i32", "buffer", "i32", "u32"], result: "i32" },
  /** `ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset);` (page cache) */
  pwrite: { parameters: ["i32", "buffer", "usize", "i64"], result: "isize" },
  /** `int fsync(int fd);`, off the main thread: a failing disk may take minutes to answer. */
  fsync_nonblocking: { name: "fsync", parameters: ["i32"], result: "i32", nonblocking: true },
  /** `int posix_fadvise(int fd, off_t offset, off_t len, int advice);` (returns the error) */
  posix_fadvise: { parameters: ["i32", "i64", "i64", "i32"], result: "i32" },
  /** `int *__errno_location(void);` (the calling thread's errno) */
  __errno_location: { parameters: [], result: "pointer" },
  /** `char *strerror(int errnum);` */
  strerror: { parameters: ["i32"], result: "pointer" },
} as const satisfies Deno.ForeignLibraryInterface;

/** The loaded symbols. */
export type Libc = Deno.DynamicLibrary<typeof LIBC_SYMBOLS>["symbols"];

/** Every handle opened for the current binding (one per symbol bound so far). */
let handles: Deno.DynamicLibrary<Deno.ForeignLibraryInterface>[] = [];
let lib: Libc | null = null;
let inFlight = 0;
let closeRequested = false;

function loadError(err: unknown): unknown {
  if (err instanceof Deno.errors.NotCapable) return err;
  return new FfiError(
    "libc",
    `Cannot load the C library from "${LIBC_PATH}": ${(err as Error).message}; Bynar ` +
      "reads /proc, /sys and /dev through it (check the path on this distribution)",
    { cause: err },
  );
}

function bindSymbol<K extends keyof typeof LIBC_SYMBOLS>(name: K): Libc[K] {
  const handle = Deno.dlopen(LIBC_PATH, { [name]: LIBC_SYMBOLS[name] } as Pick<
    typeof LIBC_SYMBOLS,
    K
  >);
  handles.push(handle as unknown as Deno.DynamicLibrary<Deno.ForeignLibraryInterface>);
  return handle.symbols[name] as Libc[K];
}

/**
 * Returns the libc symbols, loading the library on first use.
 *
 * Each symbol is bound on its first use (Deno compiles a call trampoline per bound symbol,
 * ≈ 0.1–0.4 ms each, and a command uses few of them): `bynar --check` binds about a third.
 * `__errno_location` is bound at once, and a later binding keeps the thread's errno, so a
 * first use between a failed call and its errno read cannot clobber it.
 *
 * @returns The symbols.
 * @throws {FfiError} When libc cannot be loaded.
 * @throws {Deno.errors.NotCapable} Without `--allow-ffi`.
 */
export function libc(): Libc {
  closeRequested = false;
  if (lib) return lib;
  let errnoLocation: Libc["__errno_location"];
  try {
    errnoLocation = bindSymbol("__errno_location");
  } catch (err) {
    throw loadError(err);
  }
  const symbols = { __errno_location: errnoLocation } as Libc;
  for (const name of Object.keys(LIBC_SYMBOLS) as (keyof typeof LIBC_SYMBOLS)[]) {
    if (name === "__errno_location") continue;
    Object.defineProperty(symbols, name, {
      configurable: true,
      enumerable: true,
      get() {
        const p = errnoLocation();
        const saved = p ? new Deno.UnsafePointerView(p).getInt32() : 0;
        let fn;
        try {
          fn = bindSymbol(name);
        } catch (err) {
          throw loadError(err);
        }
        if (p) new Int32Array(Deno.UnsafePointerView.getArrayBuffer(p, 4))[0] = saved;
        Object.defineProperty(symbols, name, { value: fn, enumerable: true });
        return fn;
      },
    });
  }
  lib = symbols;
  return lib;
}

/** A library whose symbols are bound on first use ({@linkcode lazyLibrary}). */
export interface LazyLibrary<S extends Deno.ForeignLibraryInterface> {
  /** The symbols; each is bound (one `dlopen` of the same library) when first read. */
  readonly symbols: Deno.DynamicLibrary<S>["symbols"];
  /** Closes every handle opened so far. */
  close(): void;
}

/**
 * Opens a library lazily: Deno compiles a call trampoline for every symbol it binds
 * (≈ 0.1–0.4 ms each), so a command that uses a few of a library's symbols binds only
 * those. The first symbol of `symbols` is bound at once, so a wrong path fails here; a
 * later binding keeps the thread's errno (read through libc), so a first use between a
 * failed call and its errno read cannot clobber it.
 *
 * @param path The library path.
 * @param symbols The symbol table.
 * @returns The lazily bound library.
 * @throws {Error} When the library (or its first symbol) cannot be loaded.
 */
export function lazyLibrary<S extends Deno.ForeignLibraryInterface>(
  path: string,
  symbols: S,
): LazyLibrary<S> {
  const handles: Deno.DynamicLibrary<Deno.ForeignLibraryInterface>[] = [];
  const bind = (name: string): unknown => {
    const handle = Deno.dlopen(path, { [name]: symbols[name]! });
    handles.push(handle);
    return handle.symbols[name];
  };
  const out = {} as Record<string, unknown>;
  const names = Object.keys(symbols);
  if (names[0] !== undefined) out[names[0]] = bind(names[0]);
  for (const name of names.slice(1)) {
    Object.defineProperty(out, name, {
      configurable: true,
      enumerable: true,
      get() {
        const c = libc();
        const saved = errno(c);
        const fn = bind(name);
        setErrno(c, saved);
        Object.defineProperty(out, name, { value: fn, enumerable: true });
        return fn;
      },
    });
  }
  return {
    symbols: out as Deno.DynamicLibrary<S>["symbols"],
    close: () => {
      for (const h of handles.splice(0)) h.close();
    },
  };
}

/**
 * Runs libc calls that span an `await` (a nonblocking call, or a descriptor held across
 * another library's nonblocking call), keeping the library loaded until `call` settles.
 *
 * @param call The call.
 * @returns The call's result.
 */
export async function withLibc<T>(call: (c: Libc) => Promise<T>): Promise<T> {
  const c = libc();
  inFlight++;
  try {
    return await call(c);
  } finally {
    inFlight--;
    if (closeRequested && inFlight === 0) unload();
  }
}

function unload(): void {
  closeRequested = false;
  if (!lib) return;
  for (const handle of handles) handle.close();
  handles = [];
  lib = null;
}

/**
 * Unloads libc. Idempotent; with calls in flight ({@linkcode withLibc}) it unloads after the
 * last one. A later {@linkcode libc} loads it again.
 */
export function closeLibc(): void {
  closeRequested = true;
  if (inFlight === 0) unload();
}

/**
 * Returns the calling thread's errno (valid right after a failed synchronous call).
 *
 * @param c The symbols.
 * @returns The errno.
 */
export function errno(c: Libc = libc()): number {
  const p = c.__errno_location();
  return p ? new Deno.UnsafePointerView(p).getInt32() : 0;
}

/**
 * Sets the calling thread's errno (readdir signals errors only through errno).
 *
 * @param c The symbols.
 * @param value The value.
 */
export function setErrno(c: Libc, value: number): void {
  const p = c.__errno_location();
  if (p) new Int32Array(Deno.UnsafePointerView.getArrayBuffer(p, 4))[0] = value;
}

/** Deno's error classes for the errnos Deno itself maps (std::io::ErrorKind). */
const ERROR_CLASSES: Record<number, new (message: string) => Error> = {
  1: Deno.errors.PermissionDenied, // EPERM
  2: Deno.errors.NotFound, // ENOENT
  4: Deno.errors.Interrupted, // EINTR
  13: Deno.errors.PermissionDenied, // EACCES
  16: Deno.errors.Busy, // EBUSY
  17: Deno.errors.AlreadyExists, // EEXIST
  20: Deno.errors.NotADirectory, // ENOTDIR
  21: Deno.errors.IsADirectory, // EISDIR
  22: TypeError, // EINVAL (Deno: InvalidInput → TypeError)
  40: Deno.errors.FilesystemLoop, // ELOOP
  110: Deno.errors.TimedOut, // ETIMEDOUT
};

/**
 * The C library's description of an errno (`strerror`).
 *
 * @param c The symbols.
 * @param err The errno.
 * @returns The description.
 */
export function errnoText(c: Libc, err: number): string {
  const p = c.strerror(err);
  return p ? new Deno.UnsafePointerView(p).getCString() : `errno ${err}`;
}

/**
 * Builds the error Deno would throw for a failed file operation: the same class
 * (`Deno.errors.NotFound` for ENOENT, …), the message `"<strerror> (os error N): <op>
 * '<path>'"` and the `code` property (`"ENOENT"`), so callers handle both alike.
 *
 * @param c The symbols (for strerror).
 * @param err The errno.
 * @param where The operation and path, e.g. `open '/sys/block/sda/size'`.
 * @returns The error.
 */
export function errnoError(c: Libc, err: number, where: string): Error {
  const text = errnoText(c, err);
  const Cls = ERROR_CLASSES[err] ?? Error;
  const error = new Cls(`${text} (os error ${err}): ${where}`);
  Object.defineProperty(error, "code", {
    value: errnoName(err),
    enumerable: false,
  });
  return error;
}
