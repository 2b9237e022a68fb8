/**
 * Which paths the host-filesystem adapter reads through libc.
 *
 * @module
 */
import { posix } from "node:path";

/**
 * Kernel pseudo-filesystems read through libc: Deno refuses every operation under them
 * without `--allow-all` (see packaging/permissions.ts `KERNEL_PSEUDO_FS`). `/run/udev` is
 * not special to Deno (a plain `--allow-read=/run/udev` grant works), so it stays on
 * Deno's own API.
 */
export const HOST_PSEUDO_FS: readonly string[] = Object.freeze(["/proc", "/sys", "/dev"]);

/**
 * Tells whether a path is under one of {@linkcode HOST_PSEUDO_FS}, after resolving `.`
 * and `..` lexically (`/sys/../etc/passwd` is not). Relative paths never are.
 *
 * @param path The path.
 * @returns Whether the adapter reads it through libc.
 */
export function isHostPseudoPath(path: string): boolean {
  if (!path.startsWith("/")) return false;
  const p = posix.normalize(path);
  return HOST_PSEUDO_FS.some((root) => p === root || p.startsWith(root + "/"));
}
