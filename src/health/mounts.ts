/**
 * Current mounts of a device, read fresh from `/proc/self/mountinfo` (through
 * `src/hostfs`: Deno cannot read /proc, /sys or /dev under narrow permissions).
 *
 * @module
 */
import { basename } from "node:path";
import { readText, realPath } from "../hostfs/mod.ts";
import { parseMountinfo } from "../inventory/mountinfo.ts";
import type { MountView } from "./types.ts";

/** Options for {@linkcode mountsOf}. */
export interface MountsOptions {
  /**
   * The procfs root.
   * @default "/proc"
   */
  proc?: string;
  /**
   * The sysfs root.
   * @default "/sys"
   */
  sys?: string;
}

/**
 * Returns the `major:minor` of a block device from sysfs.
 *
 * @param device The device path (symlinks are followed).
 * @param options The sysfs root.
 * @returns The device number, or null when the device does not exist.
 */
export async function deviceNumber(
  device: string,
  options: MountsOptions = {},
): Promise<string | null> {
  try {
    const real = await realPath(device);
    const text = await readText(
      `${options.sys ?? "/sys"}/class/block/${basename(real)}/dev`,
    );
    return text.trim();
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return null;
    throw err;
  }
}

/**
 * Lists the mounts of a block device (matched by device number, so any path alias works).
 *
 * @param device The device path.
 * @param options The procfs and sysfs roots.
 * @returns The mounts, in mountinfo order (empty when the device is gone).
 * @throws {ParseError} When mountinfo cannot be parsed.
 */
export async function mountsOf(device: string, options: MountsOptions = {}): Promise<MountView[]> {
  const devno = await deviceNumber(device, options);
  if (devno === null) return [];
  const text = await readText(`${options.proc ?? "/proc"}/self/mountinfo`);
  return parseMountinfo(text)
    .filter((m) => m.devno === devno)
    .map((m) => ({
      mountpoint: m.mountpoint,
      readOnly: m.readOnly,
      mountReadOnly: m.mountReadOnly,
      fsType: m.fsType,
    }));
}
