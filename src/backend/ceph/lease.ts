/**
 * The cluster-wide removal budget: at most `max_concurrent_removals` OSDs of one cluster
 * may be out for replacement at once, whichever host removes them. Each removal holds an
 * expiring lease in the monitors' config-key store (`bynar/removal-lease/osd.<N>`), so
 * hosts coordinate through Ceph's own consensus; a dead holder's lease simply expires.
 *
 * Acquire = read live leases → refuse if the budget is used by other OSDs → write ours →
 * read again; if a concurrent writer pushed the count over the budget, the later lease
 * (by acquisition time, then key) backs off. Decisions are pure functions.
 *
 * @module
 */
import { SafetyError } from "../../errors.ts";

/** Key prefix of removal leases. */
export const LEASE_PREFIX = "bynar/removal-lease/";

/** One lease. */
export interface Lease {
  /** config-key key. */
  key: string;
  /** OSD id. */
  osdId: number;
  /** Holding host. */
  holder: string;
  /** Operation id on the holder. */
  opId: number | null;
  /** Epoch ms. */
  acquiredAt: number;
  /** Epoch ms. */
  expiresAt: number;
}

/** The config-key operations the lease needs. */
export interface KeyStore {
  /**
   * Returns every key/value under a prefix.
   *
   * @param prefix Key prefix.
   * @returns The pairs.
   */
  dump(prefix: string): Promise<Record<string, string>>;
  /**
   * Sets a key.
   *
   * @param key Key.
   * @param value Value.
   */
  set(key: string, value: string): Promise<void>;
  /**
   * Removes a key (missing is fine).
   *
   * @param key Key.
   */
  rm(key: string): Promise<void>;
}

/**
 * Returns the lease key of an OSD.
 *
 * @param osdId OSD id.
 * @returns The key.
 */
export function leaseKey(osdId: number): string {
  return `${LEASE_PREFIX}osd.${osdId}`;
}

/**
 * Parses the leases of a config-key dump (malformed values are ignored).
 *
 * @param dump Key → value.
 * @returns The leases.
 */
export function parseLeases(dump: Record<string, string>): Lease[] {
  const out: Lease[] = [];
  for (const [key, value] of Object.entries(dump)) {
    if (!key.startsWith(LEASE_PREFIX)) continue;
    try {
      const v = JSON.parse(value) as Record<string, unknown>;
      out.push({
        key,
        osdId: Number(v.osd_id),
        holder: String(v.holder),
        opId: typeof v.op_id === "number" ? v.op_id : null,
        acquiredAt: Number(v.acquired_at),
        expiresAt: Number(v.expires_at),
      });
    } catch { /* not ours */ }
  }
  return out;
}

/** Budget decision. */
export type BudgetDecision =
  | { ok: true; renew: boolean }
  | { ok: false; reason: string; holders: Lease[] };

/**
 * Decides whether a removal of `osdId` fits the budget now.
 *
 * @param leases Leases read from the cluster.
 * @param request OSD, time, budget.
 * @returns The decision.
 */
export function decideBudget(
  leases: Lease[],
  request: { osdId: number; now: number; max: number },
): BudgetDecision {
  const live = leases.filter((l) => l.expiresAt > request.now);
  if (live.some((l) => l.osdId === request.osdId)) return { ok: true, renew: true };
  if (live.length >= request.max) {
    const list = live.map((l) => `osd.${l.osdId} by ${l.holder}`).join(", ");
    return {
      ok: false,
      reason:
        `removal budget exhausted: ${live.length} of max_concurrent_removals ${request.max} in use (${list})`,
      holders: live,
    };
  }
  return { ok: true, renew: false };
}

/**
 * After writing our lease: true when ours is within the first `max` live leases
 * (ordered by acquisition time, then key).
 *
 * @param leases Leases read after the write.
 * @param request Our key, time and budget.
 * @returns Whether we keep the lease.
 */
export function winsRace(
  leases: Lease[],
  request: { key: string; now: number; max: number },
): boolean {
  const live = leases.filter((l) => l.expiresAt > request.now)
    .sort((a, b) => a.acquiredAt - b.acquiredAt || a.key.localeCompare(b.key));
  const i = live.findIndex((l) => l.key === request.key);
  return i >= 0 && i < request.max;
}

/** Options of {@linkcode acquireLease}. */
export interface LeaseRequest {
  /** OSD id. */
  osdId: number;
  /** This host. */
  holder: string;
  /** Operation id. */
  opId: number | null;
  /** Budget. */
  max: number;
  /** Lifetime in seconds. */
  ttlSeconds: number;
  /** Epoch ms. */
  now: number;
}

/**
 * Acquires (or renews) the removal lease of an OSD.
 *
 * @param store config-key store.
 * @param req Request.
 * @returns The lease key.
 * @throws {SafetyError} `removal_budget_exhausted` when the budget is used up.
 */
export async function acquireLease(store: KeyStore, req: LeaseRequest): Promise<string> {
  const before = parseLeases(await store.dump(LEASE_PREFIX));
  const decision = decideBudget(before, { osdId: req.osdId, now: req.now, max: req.max });
  if (!decision.ok) {
    throw new SafetyError(
      "removal_budget_exhausted",
      `Cannot remove osd.${req.osdId}: ${decision.reason}; retry when a removal finishes or its lease expires`,
    );
  }
  const key = leaseKey(req.osdId);
  const existing = before.find((l) => l.key === key && l.expiresAt > req.now);
  const value = JSON.stringify({
    osd_id: req.osdId,
    holder: req.holder,
    op_id: req.opId,
    acquired_at: existing?.acquiredAt ?? req.now,
    expires_at: req.now + req.ttlSeconds * 1000,
  });
  await store.set(key, value);
  if (decision.renew) return key;
  const after = parseLeases(await store.dump(LEASE_PREFIX));
  if (!winsRace(after, { key, now: req.now, max: req.max })) {
    await store.rm(key);
    throw new SafetyError(
      "removal_budget_exhausted",
      `Cannot remove osd.${req.osdId}: another host took the last removal slot at the same time; retry later`,
    );
  }
  return key;
}
