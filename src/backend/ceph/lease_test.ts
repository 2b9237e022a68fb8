import assert from "node:assert/strict";
import {
  acquireLease,
  decideBudget,
  type KeyStore,
  type Lease,
  LEASE_PREFIX,
  leaseKey,
  parseLeases,
  winsRace,
} from "./lease.ts";
import { SafetyError } from "../../errors.ts";

function memoryStore(): KeyStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    dump: (prefix) =>
      Promise.resolve(Object.fromEntries([...data].filter(([k]) => k.startsWith(prefix)))),
    set: (k, v) => Promise.resolve(void data.set(k, v)),
    rm: (k) => Promise.resolve(void data.delete(k)),
  };
}

function lease(osdId: number, expiresAt: number, acquiredAt = 0): Lease {
  return {
    key: leaseKey(osdId),
    osdId,
    holder: "h",
    opId: null,
    acquiredAt,
    expiresAt,
  };
}

Deno.test("budget: expired leases do not count; our own OSD renews", () => {
  assert.deepEqual(decideBudget([lease(1, 50)], { osdId: 2, now: 100, max: 1 }), {
    ok: true,
    renew: false,
  });
  const full = decideBudget([lease(1, 500)], { osdId: 2, now: 100, max: 1 });
  assert.equal(full.ok, false);
  assert.match((full as { reason: string }).reason, /1 of max_concurrent_removals 1/);
  assert.deepEqual(decideBudget([lease(2, 500)], { osdId: 2, now: 100, max: 1 }), {
    ok: true,
    renew: true,
  });
  assert.equal(decideBudget([lease(1, 500)], { osdId: 2, now: 100, max: 2 }).ok, true);
});

Deno.test("race: the earlier lease wins, ties broken by key", () => {
  const ls = [lease(1, 500, 10), lease(2, 500, 5)];
  assert.ok(winsRace(ls, { key: leaseKey(2), now: 100, max: 1 }));
  assert.ok(!winsRace(ls, { key: leaseKey(1), now: 100, max: 1 }));
  assert.ok(winsRace([lease(3, 500, 5), lease(4, 500, 5)], { key: leaseKey(3), now: 100, max: 1 }));
});

Deno.test("acquire writes an expiring lease and refuses when the budget is used", async () => {
  const store = memoryStore();
  const req = { holder: "node1", opId: 1, max: 1, ttlSeconds: 60, now: 1000 };
  assert.equal(await acquireLease(store, { ...req, osdId: 4 }), `${LEASE_PREFIX}osd.4`);
  const [l] = parseLeases(await store.dump(LEASE_PREFIX));
  assert.deepEqual({ ...l }, {
    key: "bynar/removal-lease/osd.4",
    osdId: 4,
    holder: "node1",
    opId: 1,
    acquiredAt: 1000,
    expiresAt: 61000,
  });
  await assert.rejects(
    acquireLease(store, { ...req, osdId: 5, holder: "node2" }),
    (e: unknown) => e instanceof SafetyError && e.code === "removal_budget_exhausted",
  );
  // Renewal keeps the acquisition time.
  await acquireLease(store, { ...req, osdId: 4, now: 30_000 });
  assert.equal(parseLeases(await store.dump(LEASE_PREFIX))[0]!.acquiredAt, 1000);
  // After expiry another host gets the slot.
  assert.ok(await acquireLease(store, { ...req, osdId: 5, now: 200_000 }));
});

Deno.test("acquire backs off when a concurrent writer took the slot first", async () => {
  const store = memoryStore();
  const realSet = store.set;
  store.set = async (k, v) => {
    // Another host writes its lease (earlier acquisition) between our read and our write.
    store.data.set(
      leaseKey(9),
      JSON.stringify({ osd_id: 9, holder: "other", acquired_at: 1, expires_at: 1e12 }),
    );
    await realSet(k, v);
  };
  await assert.rejects(
    acquireLease(store, { osdId: 4, holder: "me", opId: null, max: 1, ttlSeconds: 60, now: 1000 }),
    /another host took the last removal slot/,
  );
  assert.ok(!store.data.has(leaseKey(4)), "our lease was withdrawn");
});

Deno.test("malformed config-key values are ignored", () => {
  assert.deepEqual(parseLeases({ [`${LEASE_PREFIX}osd.1`]: "not json", other: "{}" }), []);
});

Deno.test("budget: destroyed OSDs awaiting a replacement count, once, until re-created", () => {
  const req = { osdId: 2, now: 100, max: 1 };
  const full = decideBudget([], { ...req, destroyed: [5] });
  assert.equal(full.ok, false);
  assert.match((full as { reason: string }).reason, /osd\.5 destroyed, awaiting its replacement/);
  // Our own destroyed OSD (a resumed removal) does not block itself.
  assert.equal(decideBudget([], { ...req, destroyed: [2] }).ok, true);
  // A destroyed OSD whose removal still holds its lease counts once.
  const two = decideBudget([lease(5, 500)], { ...req, max: 2, destroyed: [5] });
  assert.equal(two.ok, true);
  assert.equal(decideBudget([lease(5, 500)], { ...req, max: 2, destroyed: [5, 6] }).ok, false);
  // Replaced (no longer destroyed): the slot is free again.
  assert.equal(decideBudget([], { ...req, destroyed: [] }).ok, true);
});

Deno.test("race: destroyed OSDs take slots before any lease", () => {
  const ls = [lease(1, 500, 10), lease(2, 500, 5)];
  assert.ok(winsRace(ls, { key: leaseKey(2), now: 100, max: 2, destroyed: [] }));
  assert.ok(!winsRace(ls, { key: leaseKey(1), now: 100, max: 2, destroyed: [7] }));
  assert.ok(winsRace(ls, { key: leaseKey(2), now: 100, max: 2, destroyed: [7] }));
});

Deno.test("acquire refuses while another host's removed OSD awaits its replacement", async () => {
  const store = memoryStore();
  const req = { holder: "node1", opId: 1, max: 1, ttlSeconds: 60, now: 1000 };
  await assert.rejects(
    acquireLease(store, { ...req, osdId: 4, destroyed: [3] }),
    (e: unknown) =>
      e instanceof SafetyError && e.code === "removal_budget_exhausted" &&
      /osd\.3 destroyed/.test(e.message),
  );
  assert.equal(store.data.size, 0);
  // A concurrent writer's lease plus a destroyed OSD: we back off at max 2.
  const realSet = store.set;
  store.set = async (k, v) => {
    store.data.set(
      leaseKey(9),
      JSON.stringify({ osd_id: 9, holder: "other", acquired_at: 1, expires_at: 1e12 }),
    );
    await realSet(k, v);
  };
  await assert.rejects(
    acquireLease(store, { ...req, max: 2, osdId: 4, destroyed: [3] }),
    /another host took the last removal slot/,
  );
  assert.ok(!store.data.has(leaseKey(4)));
});
