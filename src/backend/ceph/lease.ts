/**
 * The cluster-wide removal budget: at most `max_concurrent_removals` OSDs of one cluster
 * may be out for replacement at once, whichever host removes them. An OSD is out for
 * replacement from the start of its removal until its replacement is added: while a
 * removal runs it holds an expiring lease in the monitors' config-key store
 * (`bynar/removal-lease/osd.<N>`), so hosts coordinate through Ceph's own consensus and a
 * dead holder's lease simply expires; once removed, the OSD stays `destroyed` in the OSD
 * map (id kept) until the replacement re-creates it, and counts from the map.
 *
 * Acquire = read live leases and destroyed OSDs → refuse if the budget is used by other
 * OSDs → write ours → read again; if a concurrent writer pushed the count over the budget,
 * the later lease (by acquisition time, then key) backs off. Decisions are pure functions.
 *
 * @module
 */
import { SafetyError } from "../../errors.ts";
import type { TreeOsd } from "./parse.ts";

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

/**
 * The budget per CRUSH failure domain: at most `max` OSDs of one bucket of `type` (a host,
 * a rack …) draining at once, so two replicas of one PG are never drained together when the
 * pool's rule places replicas in distinct buckets of that type.
 */
export interface DomainBudget {
  /** CRUSH bucket type, e.g. `host` or `rack` (ceph.json `failure_domain`). */
  type: string;
  /** ceph.json `max_removals_per_failure_domain`. */
  max: number;
  /** OSD id → the name of its bucket of that type (from `osd tree`). */
  of: ReadonlyMap<number, string>;
}

/**
 * The per-failure-domain budget of ceph.json over the CRUSH tree, or undefined when
 * `failure_domain` is unset.
 *
 * @param tree `osd tree` (with each OSD's buckets).
 * @param config ceph.json `failure_domain` and `max_removals_per_failure_domain`.
 * @returns The domain budget.
 */
export function domainBudget(
  tree: readonly TreeOsd[],
  config: { failure_domain?: string | null | undefined; max_removals_per_failure_domain: number },
): DomainBudget | undefined {
  const type = config.failure_domain;
  if (!type) return undefined;
  const of = new Map<number, string>();
  for (const o of tree) {
    const name = o.buckets?.[type];
    if (name !== undefined) of.set(o.id, name);
  }
  return { type, max: config.max_removals_per_failure_domain, of };
}

/**
 * Why the failure domain of `osdId` has no slot, or null when it has one: live leases of
 * other OSDs in the same bucket (removals draining now) must stay under the domain's budget.
 * An OSD outside any bucket of the type is not limited here.
 *
 * @param live Live leases (only those that count: e.g. the ones ordered before ours).
 * @param osdId The OSD to remove.
 * @param domains The domain budget.
 * @returns The refusal, or null.
 */
export function domainRefusal(
  live: readonly Lease[],
  osdId: number,
  domains: DomainBudget,
): string | null {
  const mine = domains.of.get(osdId);
  if (mine === undefined) return null;
  const same = live.filter((l) => l.osdId !== osdId && domains.of.get(l.osdId) === mine);
  if (same.length < domains.max) return null;
  return `removal budget exhausted in failure domain ${domains.type} "${mine}": ${same.length} ` +
    `of max_removals_per_failure_domain ${domains.max} draining (${
      same.map((l) => `osd.${l.osdId} being removed by ${l.holder}`).join(", ")
    })`;
}

/**
 * The OSDs that would be stopped together if `osdId` were removed now: it and every OSD a
 * live lease is draining (destroyed ones are already stopped). `osd ok-to-stop` is asked for
 * this SET, so two replicas of one PG are never taken at once even across failure domains.
 *
 * @param leases Leases read from the cluster.
 * @param request The candidate, time and destroyed OSDs.
 * @returns Sorted ids, the candidate included.
 */
export function drainingSet(
  leases: readonly Lease[],
  request: { osdId: number; now: number; destroyed?: readonly number[] | undefined },
): number[] {
  const destroyed = new Set(request.destroyed ?? []);
  const ids = new Set([request.osdId]);
  for (const l of leases) {
    if (l.expiresAt > request.now && !destroyed.has(l.osdId)) ids.add(l.osdId);
  }
  return [...ids].sort((a, b) => a - b);
}

/** Budget decision. */
export type BudgetDecision =
  | { ok: true; renew: boolean }
  | { ok: false; reason: string; holders: Lease[] };

/** What a budget decision needs besides the leases. */
export interface BudgetRequest {
  /** The OSD to remove. */
  osdId: number;
  /** Epoch ms. */
  now: number;
  /** `max_concurrent_removals`. */
  max: number;
  /** Ids of the cluster's destroyed OSDs (`osd dump` state `destroyed`), awaiting a replacement. */
  destroyed?: readonly number[];
  /** The per-failure-domain budget (absent: ceph.json `failure_domain` is unset). */
  domains?: DomainBudget | undefined;
}

function awaitingReplacement(leases: Lease[], request: BudgetRequest): number[] {
  const leased = new Set(leases.map((l) => l.osdId));
  return [...new Set(request.destroyed ?? [])]
    .filter((id) => id !== request.osdId && !leased.has(id))
    .sort((a, b) => a - b);
}

/**
 * Decides whether a removal of `osdId` fits the budget now: live leases of other OSDs
 * (removals in progress on any host) plus destroyed OSDs still awaiting their replacement
 * must leave a slot.
 *
 * @param leases Leases read from the cluster.
 * @param request OSD, time, budget, destroyed OSDs.
 * @returns The decision.
 */
export function decideBudget(leases: Lease[], request: BudgetRequest): BudgetDecision {
  const live = leases.filter((l) => l.expiresAt > request.now);
  if (live.some((l) => l.osdId === request.osdId)) return { ok: true, renew: true };
  const waiting = awaitingReplacement(live, request);
  const used = live.length + waiting.length;
  if (used >= request.max) {
    const list = [
      ...live.map((l) => `osd.${l.osdId} being removed by ${l.holder}`),
      ...waiting.map((id) => `osd.${id} destroyed, awaiting its replacement`),
    ].join(", ");
    return {
      ok: false,
      reason:
        `removal budget exhausted: ${used} of max_concurrent_removals ${request.max} in use (${list})`,
      holders: live,
    };
  }
  const domain = request.domains ? domainRefusal(live, request.osdId, request.domains) : null;
  if (domain) return { ok: false, reason: domain, holders: live };
  return { ok: true, renew: false };
}

/**
 * After writing our lease: true when the destroyed OSDs awaiting a replacement plus the
 * live leases ordered before ours (by acquisition time, then key) leave ours a slot.
 *
 * @param leases Leases read after the write.
 * @param request Our key, time, budget and the destroyed OSDs.
 * @returns Whether we keep the lease.
 */
export function winsRace(
  leases: Lease[],
  request: {
    key: string;
    now: number;
    max: number;
    destroyed?: readonly number[];
    domains?: DomainBudget | undefined;
  },
): boolean {
  const live = leases.filter((l) => l.expiresAt > request.now)
    .sort((a, b) => a.acquiredAt - b.acquiredAt || a.key.localeCompare(b.key));
  const i = live.findIndex((l) => l.key === request.key);
  if (i < 0) return false;
  const ours = live[i]!.osdId;
  const waiting = awaitingReplacement(live, {
    osdId: ours,
    now: request.now,
    max: request.max,
    ...(request.destroyed ? { destroyed: request.destroyed } : {}),
  });
  if (waiting.length + i >= request.max) return false;
  return !request.domains || domainRefusal(live.slice(0, i), ours, request.domains) === null;
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
  /**
   * Destroyed OSDs of the cluster awaiting their replacement (they use the budget).
   * @default []
   */
  destroyed?: readonly number[];
  /** The per-failure-domain budget (absent: not configured). */
  domains?: DomainBudget | undefined;
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
  const destroyed = {
    ...(req.destroyed ? { destroyed: req.destroyed } : {}),
    ...(req.domains ? { domains: req.domains } : {}),
  };
  const decision = decideBudget(before, {
    osdId: req.osdId,
    now: req.now,
    max: req.max,
    ...destroyed,
  });
  if (!decision.ok) {
    throw new SafetyError(
      "removal_budget_exhausted",
      `Cannot remove osd.${req.osdId}: ${decision.reason}; retry when a removal finishes, its lease expires or a replacement is added`,
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
  if (!winsRace(after, { key, now: req.now, max: req.max, ...destroyed })) {
    await store.rm(key);
    throw new SafetyError(
      "removal_budget_exhausted",
      `Cannot remove osd.${req.osdId}: another host took the last removal slot (of the cluster or of its failure domain) at the same time; retry later`,
    );
  }
  return key;
}
