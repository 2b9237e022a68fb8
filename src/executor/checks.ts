/**
 * The executor's own checks (defence in depth): whatever the front already decided, the
 * executor refuses a mutating request on a system disk, one whose identity does not match
 * the disk at the path, and removals beyond its budget. Pure: data in, decision out.
 *
 * @module
 */
import { identityMatches } from "../api/disk_service.ts";
import type { InventoryDisk } from "../api/types.ts";
import type { ExecutorRequest } from "./protocol.ts";
import { DEFAULT_REMOVAL_BUDGET, type RemovalBudget } from "./defaults.ts";

/** What the checks are given besides the request. */
export interface ExecutorCheckFacts {
  /** The host's disks, as the executor's own inventory reads them now. */
  disks: readonly InventoryDisk[];
  /** Device paths configured as system disks (ceph.json `system_disks`). */
  systemDisks: readonly string[];
  /** Epoch ms of the real (not simulated) removals inside the budget window. */
  recentRemovals: readonly number[];
  /** Now, epoch ms. */
  now: number;
}

/**
 * Decides whether the executor may run a request.
 *
 * @param request The validated request.
 * @param facts Inventory, system disks, recent removals, now.
 * @param options The removal budget.
 * @returns `null` when allowed, else the reason of the refusal (what failed, on which
 *   device, what to do).
 */
export function refusalOf(
  request: ExecutorRequest,
  facts: ExecutorCheckFacts,
  options: { budget?: RemovalBudget } = {},
): string | null {
  // safe_to_remove is read-only: the backend answers "Skipped" for a system disk itself.
  if (request.op !== "remove" && request.op !== "add") return null;
  const { path, identity } = request.disk;
  const disk = facts.disks.find((d) => d.path === path || d.identity.byIdPath === path);
  if (facts.systemDisks.includes(path) || (disk && disk.systemReason)) {
    return `Cannot act on "${path}": it is a system disk (${
      disk?.systemReason ?? "ceph.json system_disks"
    }); the executor never changes system disks`;
  }
  if (request.simulate) return null;
  if (!identity) {
    return `Cannot change "${path}": the request names no identity; send the disk's serial or WWN`;
  }
  if (disk && !identityMatches(identity, disk.identity)) {
    return `Cannot change "${path}": it is "${disk.identity.key}", not "${
      identity.slice(0, 80)
    }"; list the disks again`;
  }
  if (request.op === "remove") {
    const budget = options.budget ?? DEFAULT_REMOVAL_BUDGET;
    const inWindow = facts.recentRemovals.filter((t) => facts.now - t < budget.windowMs);
    if (inWindow.length >= budget.max) {
      return `Cannot remove "${path}": the executor's budget of ${budget.max} removals per ${
        Math.round(budget.windowMs / 3600_000)
      } h is spent; wait, or raise --remove-budget after checking the host`;
    }
  }
  return null;
}
