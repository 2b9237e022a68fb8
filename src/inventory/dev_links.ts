/**
 * Device-path helpers over `roots.dev`: /dev/disk/by-id links and path → kernel name.
 *
 * @module
 */
import { isHostFsFailure, readDirSync, readLinkSync, realPathSync } from "../hostfs/mod.ts";
import type { Roots } from "./model.ts";

/**
 * Maps kernel names to the /dev/disk/by-id link names pointing at them.
 *
 * @param roots Host roots (`dev`).
 * @returns Kernel name → link names; empty when /dev/disk/by-id does not exist.
 * @throws {Deno.errors.NotCapable} Without Deno read permission.
 * @throws {FfiError} When libc cannot be loaded (reads of the host's /sys, /dev).
 */
export function readByIdLinks(roots: Roots): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const dir = `${roots.dev}/disk/by-id`;
  let entries: Deno.DirEntry[];
  try {
    entries = readDirSync(dir);
  } catch (err) {
    if (isHostFsFailure(err)) throw err;
    return out;
  }
  for (const e of entries) {
    let target: string;
    try {
      target = readLinkSync(`${dir}/${e.name}`);
    } catch (err) {
      if (isHostFsFailure(err)) throw err;
      continue;
    }
    const name = target.split("/").pop();
    if (!name) continue;
    const list = out.get(name) ?? [];
    list.push(e.name);
    out.set(name, list);
  }
  return out;
}

/**
 * Resolves a device path to a kernel name: `/dev/…` is re-rooted at `roots.dev`, symlinks
 * (by-id, /dev/mapper) are followed with realpath, and the last path component is taken.
 *
 * @param roots Host roots (`dev`).
 * @param path A device path such as `/dev/sdb`, `/dev/disk/by-id/ata-…`, `/dev/mapper/vg-lv`.
 * @returns The kernel name (e.g. `sdb`, `dm-0`), or null for an empty path.
 * @throws {Deno.errors.NotCapable} Without Deno read permission.
 * @throws {FfiError} When libc cannot be loaded (reads of the host's /sys, /dev).
 */
export function resolveDeviceName(roots: Roots, path: string): string | null {
  let p = path;
  if (roots.dev !== "/dev" && (p === "/dev" || p.startsWith("/dev/"))) {
    p = roots.dev + p.slice(4);
  }
  try {
    p = realPathSync(p);
  } catch (err) {
    if (isHostFsFailure(err)) throw err;
  }
  const name = p.split("/").filter((s) => s !== "").pop();
  return name ?? null;
}
