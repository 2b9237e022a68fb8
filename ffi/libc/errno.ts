/**
 * The one errno-name table (Linux x86_64). Pure: no FFI, no I/O — pure code may import
 * it; the libc binding ({@link ./mod.ts}) and every FFI module name errnos through it.
 *
 * @module
 */

/** errno → symbolic name (the errnos Bynar's FFI calls can meet). */
const ERRNO_NAMES: Readonly<Record<number, string>> = Object.freeze({
  1: "EPERM",
  2: "ENOENT",
  4: "EINTR",
  5: "EIO",
  6: "ENXIO",
  9: "EBADF",
  11: "EAGAIN",
  12: "ENOMEM",
  13: "EACCES",
  14: "EFAULT",
  16: "EBUSY",
  17: "EEXIST",
  19: "ENODEV",
  20: "ENOTDIR",
  21: "EISDIR",
  22: "EINVAL",
  25: "ENOTTY",
  28: "ENOSPC",
  30: "EROFS",
  34: "ERANGE",
  40: "ELOOP",
  61: "ENODATA",
  95: "EOPNOTSUPP",
  110: "ETIMEDOUT",
  111: "ECONNREFUSED",
  122: "EDQUOT",
  123: "ENOMEDIUM",
});

/**
 * Names an errno: `25` → `ENOTTY`.
 *
 * @param errno A positive errno, or undefined when it could not be read.
 * @returns The symbolic name; `errno N` when not in the table; `errno unknown` for undefined.
 */
export function errnoName(errno: number | undefined): string {
  if (errno === undefined) return "errno unknown";
  return ERRNO_NAMES[errno] ?? `errno ${errno}`;
}

/**
 * The errno of a symbolic name: `EAGAIN` → `11` (for classifiers such as a retry's
 * `isTransient`).
 *
 * @param name A name from the table, e.g. `EAGAIN`.
 * @returns The errno, or undefined when the name is not in the table.
 */
export function errnoNumber(name: string): number | undefined {
  for (const [n, v] of Object.entries(ERRNO_NAMES)) if (v === name) return Number(n);
  return undefined;
}
