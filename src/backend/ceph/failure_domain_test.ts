/**
 * The removal budget per CRUSH failure domain and the `osd ok-to-stop` set, against the
 * `osd tree` recorded on the Pacific test cluster (one host bucket `vm` holding osd.0-2) and
 * the same tree with the OSDs moved into per-host buckets under two racks (the shape
 * `ceph osd crush move` gives).
 */
import assert from "node:assert/strict";
import {
  acquireLease,
  decideBudget,
  domainBudget,
  drainingSet,
  type KeyStore,
  type Lease,
  leaseKey,
  winsRace,
} from "./lease.ts";
import { parseOsdTree } from "./parse.ts";
import { SafetyError } from "../../errors.ts";

const FIX = new URL("../../../../shared/fixtures/ceph-pacific/", import.meta.url);
const recorded = (name: string): string => Deno.readTextFileSync(new URL(name, FIX));

/** The recorded tree with osd.0 on host a (rack r1), osd.1 on host b (r1), osd.2 on host c (r2). */
function spreadTree(): string {
  const t = JSON.parse(recorded("02-osd-tree-baseline.json")) as {
    nodes: { id: number; name: string; type: string; children?: number[] }[];
  };
  const osds = t.nodes.filter((n) => n.type === "osd");
  t.nodes = [
    { id: -1, name: "default", type: "root", children: [-10, -11] },
    { id: -10, name: "r1", type: "rack", children: [-3, -4] },
    { id: -11, name: "r2", type: "rack", children: [-5] },
    { id: -3, name: "a", type: "host", children: [0] },
    { id: -4, name: "b", type: "host", children: [1] },
    { id: -5, name: "c", type: "host", children: [2] },
    ...osds,
  ];
  return JSON.stringify(t);
}

function lease(osdId: number, holder: string, acquiredAt = 0): Lease {
  return { key: leaseKey(osdId), osdId, holder, opId: null, acquiredAt, expiresAt: 10_000 };
}

const NOW = 1000;

Deno.test("failure domain: buckets of every OSD from the recorded osd tree", () => {
  const tree = parseOsdTree(recorded("02-osd-tree-baseline.json"));
  assert.deepEqual(tree.map((o) => [o.id, o.host, o.buckets]), [
    [0, "vm", { host: "vm", root: "default" }],
    [1, "vm", { host: "vm", root: "default" }],
    [2, "vm", { host: "vm", root: "default" }],
  ]);
  const spread = parseOsdTree(spreadTree());
  assert.deepEqual(spread.map((o) => o.buckets), [
    { host: "a", rack: "r1", root: "default" },
    { host: "b", rack: "r1", root: "default" },
    { host: "c", rack: "r2", root: "default" },
  ]);
});

Deno.test("failure domain: unset in ceph.json leaves only the cluster budget", () => {
  const tree = parseOsdTree(recorded("02-osd-tree-baseline.json"));
  const domains = domainBudget(tree, { max_removals_per_failure_domain: 1 });
  assert.equal(domains, undefined);
  const d = decideBudget([lease(0, "vm")], { osdId: 1, now: NOW, max: 2, domains });
  assert.deepEqual(d, { ok: true, renew: false });
});

Deno.test("failure domain host: a second OSD of the same host waits, another host proceeds", () => {
  const same = domainBudget(parseOsdTree(recorded("02-osd-tree-baseline.json")), {
    failure_domain: "host",
    max_removals_per_failure_domain: 1,
  });
  const refused = decideBudget([lease(0, "vm")], { osdId: 1, now: NOW, max: 3, domains: same });
  assert.equal(refused.ok, false);
  assert.match(
    refused.ok ? "" : refused.reason,
    /^removal budget exhausted in failure domain host "vm": 1 of max_removals_per_failure_domain 1 draining \(osd\.0 being removed by vm\)$/,
  );
  const spread = domainBudget(parseOsdTree(spreadTree()), {
    failure_domain: "host",
    max_removals_per_failure_domain: 1,
  });
  assert.deepEqual(decideBudget([lease(0, "a")], { osdId: 1, now: NOW, max: 3, domains: spread }), {
    ok: true,
    renew: false,
  });
  // Two per domain allowed: the same host proceeds.
  const two = domainBudget(parseOsdTree(recorded("02-osd-tree-baseline.json")), {
    failure_domain: "host",
    max_removals_per_failure_domain: 2,
  });
  assert.equal(
    decideBudget([lease(0, "vm")], { osdId: 1, now: NOW, max: 3, domains: two }).ok,
    true,
  );
  // Renewing our own lease is never refused by the domain.
  assert.deepEqual(decideBudget([lease(0, "vm")], { osdId: 0, now: NOW, max: 1, domains: same }), {
    ok: true,
    renew: true,
  });
});

Deno.test("failure domain rack: hosts a and b share rack r1, c is in r2", () => {
  const racks = domainBudget(parseOsdTree(spreadTree()), {
    failure_domain: "rack",
    max_removals_per_failure_domain: 1,
  });
  assert.equal(
    decideBudget([lease(0, "a")], { osdId: 1, now: NOW, max: 3, domains: racks }).ok,
    false,
  );
  assert.equal(
    decideBudget([lease(0, "a")], { osdId: 2, now: NOW, max: 3, domains: racks }).ok,
    true,
  );
  // An expired lease does not count.
  const expired = { ...lease(0, "a"), expiresAt: NOW - 1 };
  assert.equal(decideBudget([expired], { osdId: 1, now: NOW, max: 3, domains: racks }).ok, true);
});

Deno.test("failure domain: two hosts of one rack writing at once, the later lease backs off", async () => {
  const racks = domainBudget(parseOsdTree(spreadTree()), {
    failure_domain: "rack",
    max_removals_per_failure_domain: 1,
  })!;
  // Both read an empty store, both write: the cluster budget (3) has room for both.
  const both = [lease(0, "a", 5), lease(1, "b", 7)];
  assert.equal(winsRace(both, { key: leaseKey(0), now: NOW, max: 3, domains: racks }), true);
  assert.equal(winsRace(both, { key: leaseKey(1), now: NOW, max: 3, domains: racks }), false);
  assert.equal(winsRace(both, { key: leaseKey(1), now: NOW, max: 3 }), true);
  // Through acquireLease on a store where host a's lease landed between our read and write.
  const data = new Map<string, string>();
  let reads = 0;
  const store: KeyStore = {
    dump: () => {
      reads++;
      if (reads === 2) {
        data.set(
          leaseKey(0),
          JSON.stringify({ osd_id: 0, holder: "a", op_id: 1, acquired_at: 1, expires_at: 99_999 }),
        );
      }
      return Promise.resolve(Object.fromEntries(data));
    },
    set: (k, v) => Promise.resolve(void data.set(k, v)),
    rm: (k) => Promise.resolve(void data.delete(k)),
  };
  await assert.rejects(
    acquireLease(store, {
      osdId: 1,
      holder: "b",
      opId: 2,
      max: 3,
      ttlSeconds: 60,
      now: NOW,
      domains: racks,
    }),
    (e: unknown) => e instanceof SafetyError && e.code === "removal_budget_exhausted",
  );
  assert.deepEqual([...data.keys()], [leaseKey(0)], "our lease was removed again");
});

Deno.test("ok-to-stop set: the candidate plus every OSD a live lease drains, not destroyed ones", () => {
  const leases = [lease(0, "a"), { ...lease(2, "c"), expiresAt: NOW - 1 }, lease(5, "x")];
  assert.deepEqual(drainingSet(leases, { osdId: 1, now: NOW, destroyed: [5] }), [0, 1]);
  assert.deepEqual(drainingSet([], { osdId: 1, now: NOW }), [1]);
  // Renewal: the candidate's own lease is not counted twice.
  assert.deepEqual(drainingSet([lease(1, "b")], { osdId: 1, now: NOW }), [1]);
});
