/**
 * Failure domains on the real test cluster (read-only: no lease, flag or OSD state is
 * changed): `osd ok-to-stop` through Bynar's cluster adapter answers for a SET of OSDs, so a
 * candidate that is fine alone is refused together with an OSD another removal is draining;
 * the live `osd tree` gives every OSD its host bucket, and the per-host budget refuses a
 * second OSD of one host.
 */
import assert from "node:assert/strict";
import { closeAllRadosConnections, getRadosConnection } from "../../ffi/librados/mod.ts";
import { RadosClusterApi } from "../../src/backend/ceph/cluster_api.ts";
import { decideBudget, domainBudget, leaseKey } from "../../src/backend/ceph/lease.ts";
import { withCluster } from "./cluster.ts";

Deno.test({
  name: "failure domains on the real cluster: ok-to-stop for the set, host buckets from osd tree",
  sanitizeOps: false,
  sanitizeResources: false,
}, async () => {
  await withCluster(async (c) => {
    try {
      const api = new RadosClusterApi(await getRadosConnection({ confPath: c.confPath }));
      const [a, b] = c.osds.map((o) => o.id);
      // One OSD alone: the pool (size 3, min_size 2) stays active.
      const alone = await api.okToStop([a!]);
      assert.equal(alone.ok, true, alone.reason);
      // The candidate together with one being drained: two of three replicas gone.
      const together = await api.okToStop([a!, b!]);
      assert.equal(together.ok, false, together.reason);
      assert.match(together.reason, /PGs|pgs|inactive|min_size/i);

      const tree = await api.osdTree();
      assert.equal(tree.length, 3);
      for (const o of tree) {
        assert.ok(o.buckets?.host, `osd.${o.id} has no host bucket`);
        assert.equal(o.buckets?.root, "default");
      }
      const domains = domainBudget(tree, {
        failure_domain: "host",
        max_removals_per_failure_domain: 1,
      });
      const sameHost = tree.find((o) =>
        o.id === b
      )!.buckets!.host === tree.find((o) => o.id === a)!.buckets!.host;
      const lease = {
        key: leaseKey(a!),
        osdId: a!,
        holder: "h",
        opId: null,
        acquiredAt: 0,
        expiresAt: Date.now() + 60_000,
      };
      const d = decideBudget([lease], { osdId: b!, now: Date.now(), max: 3, domains });
      assert.equal(d.ok, !sameHost);
    } finally {
      closeAllRadosConnections();
    }
  });
});
