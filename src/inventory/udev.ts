/**
 * The udev database (`/run/udev/data/b<major>:<minor>`): a pure parser and a reader.
 *
 * @module
 */
import { isHostFsFailure, readTextSync } from "../hostfs/mod.ts";
import type { Roots } from "./model.ts";

/** What udev recorded about a block device. */
export interface UdevData {
  /** `E:KEY=VALUE` properties (ID_SERIAL, ID_WWN, ID_MODEL, …). */
  properties: Record<string, string>;
  /** `S:` symlinks relative to /dev (e.g. `disk/by-id/ata-…`). */
  links: string[];
}

/**
 * Parses a udev data file: `E:KEY=VALUE` property lines and `S:link` symlink lines;
 * other lines (`I:`, `G:`, `Q:`, `V:`, `W:`) are ignored.
 *
 * @param text The file's content.
 * @returns Properties and links.
 */
export function parseUdevData(text: string): UdevData {
  const properties: Record<string, string> = {};
  const links: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\r$/, "");
    if (line.startsWith("E:")) {
      const eq = line.indexOf("=");
      if (eq > 2) properties[line.slice(2, eq)] = line.slice(eq + 1);
    } else if (line.startsWith("S:") && line.length > 2) {
      links.push(line.slice(2));
    }
  }
  return { properties, links };
}

/**
 * Reads the udev data of a block device.
 *
 * @param roots Host roots (`udevData`).
 * @param devno The device's `major:minor`.
 * @returns The data, or null when udev has none (no udev on the host, or an unknown device).
 * @throws {Deno.errors.NotCapable} Without Deno read permission.
 * @throws {FfiError} When libc cannot be loaded (reads of the host's /sys, /dev).
 */
export function readUdevData(roots: Roots, devno: string): UdevData | null {
  try {
    return parseUdevData(readTextSync(`${roots.udevData}/b${devno}`));
  } catch (err) {
    if (isHostFsFailure(err)) throw err;
    return null;
  }
}
