/**
 * The production disk inventory of the API: src/inventory `discoverDisks`, cached for a
 * short time so that a burst of requests does not rescan sysfs each time.
 *
 * @module
 */
import { discoverDisks } from "../inventory/mod.ts";
import type { DiskInventory, InventoryDisk } from "./types.ts";

/** Options of {@linkcode discoverInventory}. */
export interface DiscoverInventoryOptions {
  /** Include loop devices (labs, test clusters). @default false */
  includeLoop?: boolean;
  /** bynar.json `loop_devices`: the loop-device allow-list. @default undefined */
  loopDevices?: readonly string[] | undefined;
  /** ceph.json system disks. @default [] */
  systemDisks?: string[];
  /**
   * Cache lifetime, ms.
   * @default 2000
   */
  cacheMs?: number;
  /** Clock in epoch ms. @default Date.now */
  now?: () => number;
}

/**
 * Creates the inventory.
 *
 * @param options Loop devices, system disks, cache.
 * @returns The inventory.
 */
export function discoverInventory(options: DiscoverInventoryOptions = {}): DiskInventory {
  const now = options.now ?? Date.now;
  const ttl = options.cacheMs ?? 2000;
  let cached: { at: number; disks: Promise<InventoryDisk[]> } | undefined;
  return {
    list(): Promise<InventoryDisk[]> {
      const t = now();
      if (cached && t - cached.at < ttl) return cached.disks;
      const disks = discoverDisks({
        includeLoop: options.includeLoop ?? false,
        loopDevices: options.loopDevices,
        systemDisks: options.systemDisks ?? [],
      }).then((r) => r.disks);
      cached = { at: t, disks };
      disks.catch(() => {
        if (cached?.disks === disks) cached = undefined;
      });
      return disks;
    },
  };
}
