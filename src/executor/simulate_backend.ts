/**
 * A backend without a cluster and without side effects, for `bynar executor --backend
 * simulate` (labs, and the end-to-end tests of the front ↔ executor split on hosts without
 * Ceph): disks come from the executor's real inventory, every change answers with a plan
 * step named `simulate` and changes nothing.
 *
 * @module
 */
import type {
  Backend,
  BackendDisk,
  BackendStatus,
  DiskRef,
  MutateOptions,
  OpResult,
  SafeToRemoveResult,
} from "../backend/types.ts";
import type { DiskInventory } from "../api/types.ts";

/**
 * Builds the side-effect-free backend.
 *
 * @param inventory The host's disks.
 * @returns The backend.
 */
export function simulateBackend(inventory: DiskInventory): Backend {
  const op = (kind: string, disk: DiskRef, options: MutateOptions = {}): Promise<OpResult> =>
    Promise.resolve({
      outcome: "Success",
      message: `simulate backend: ${kind} of ${disk.path} planned, nothing changed` +
        (options.simulate ? "" : " (no cluster behind this executor)"),
      plan: [{
        name: "simulate",
        description: `${kind} ${disk.path} (simulate backend: no cluster, no side effect)`,
        commands: [],
      }],
    });
  return {
    name: "simulate",
    async listDisks(): Promise<BackendDisk[]> {
      return (await inventory.list()).map((d) => ({
        path: d.path,
        role: d.systemReason ? { kind: "system" } : { kind: "none" },
      }));
    },
    safeToRemove(_disk: DiskRef): Promise<SafeToRemoveResult> {
      return Promise.resolve({
        outcome: "Success",
        safe: true,
        reason: "simulate backend: no cluster",
      });
    },
    remove: (disk, options) => op("remove", disk, options),
    add: (disk, options) => op("add", disk, options),
    status(): Promise<BackendStatus> {
      return Promise.resolve({ backend: "simulate", health: "HEALTH_OK", details: {} });
    },
    close(): void {},
  };
}
