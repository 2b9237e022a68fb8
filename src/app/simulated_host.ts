/**
 * The "try it" host of `backend: "simulate"`: a simulated inventory and cluster (no device
 * of this host is read or changed), so that the API and `bynar client` can be exercised
 * without Ceph.
 *
 * Disks: `/dev/sda` (system disk, holds /), `/dev/sdb`, `/dev/sdc`, `/dev/sdd` (osd.0–2,
 * up and in), `/dev/sde` (empty). Each has serial `SIM-<name>` (identity `serial:SIM-<name>`).
 *
 * @module
 */
import type { ClusterRole } from "../backend/types.ts";
import { simulatedBackend } from "../backend/simulate/mod.ts";
import type { Backend } from "../backend/types.ts";
import type { DiskInventory, InventoryDisk } from "../api/types.ts";

const NAMES = ["sda", "sdb", "sdc", "sdd", "sde"] as const;

function simDisk(name: string): InventoryDisk {
  return {
    name,
    path: `/dev/${name}`,
    type: "ROTATIONAL",
    identity: {
      model: "Simulated Disk",
      serial: `SIM-${name}`,
      wwn: null,
      byIdPath: null,
      key: `serial:SIM-${name}`,
    },
    sizeBytes: 4_000_000_000_000,
    systemReason: name === "sda" ? "simulated system disk (holds /)" : null,
    partitions: [],
  };
}

/**
 * Builds the simulated host.
 *
 * @param options Step duration of remove/add, ms.
 * @returns Its backend and inventory.
 */
export function simulatedHost(
  options: { stepMs?: number } = {},
): { backend: Backend; inventory: DiskInventory } {
  const disks: Record<string, ClusterRole> = {
    "/dev/sda": { kind: "system" },
    "/dev/sdb": { kind: "osd", osdId: 0, up: true, in: true, destroyed: false },
    "/dev/sdc": { kind: "osd", osdId: 1, up: true, in: true, destroyed: false },
    "/dev/sdd": { kind: "osd", osdId: 2, up: true, in: true, destroyed: false },
    "/dev/sde": { kind: "none" },
  };
  const inventory = NAMES.map(simDisk);
  return {
    backend: simulatedBackend({
      disks,
      ...(options.stepMs !== undefined ? { stepMs: options.stepMs } : {}),
    }),
    inventory: { list: () => Promise.resolve(inventory) },
  };
}
