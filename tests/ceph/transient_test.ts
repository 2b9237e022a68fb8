/**
 * Transient Ceph answers on the real test cluster: right after `osd out` (and a new pool,
 * whose PGs the mgr has not heard about yet) `osd safe-to-destroy` answers
 * `(11) EAGAIN: N pgs have unknown state; cannot draw any conclusions`. The raw query
 * fails with it, the classifier calls it transient, and the backend's cluster API (the
 * one shared policy) asks again and gets the answer within its deadline.
 *
 * Run alone: `deno test -A tests/ceph/transient_test.ts` (serialised by the cluster lock).
 *
 * @module
 */
import assert from "node:assert/strict";
import { getRadosConnection, RadosError } from "../../ffi/librados/mod.ts";
import { RadosClusterApi } from "../../src/backend/ceph/cluster_api.ts";
import { CMD } from "../../src/backend/ceph/commands.ts";
import {
  transientCephReason,
  TransientRetryingClusterApi,
} from "../../src/backend/ceph/transient.ts";
import { ceph, waitHealthy, withCluster } from "./cluster.ts";

Deno.test({
  name:
    "real cluster: EAGAIN 'pgs have unknown state' right after `osd out` is transient and absorbed",
  sanitizeOps: false,
  sanitizeResources: false,
}, async () => {
  await withCluster(async (c) => {
    await waitHealthy();
    const rados = await getRadosConnection({ confPath: c.confPath });
    const raw = new RadosClusterApi(rados);
    const retries: string[] = [];
    const api = new TransientRetryingClusterApi(raw, {
      deadlineMs: 30_000,
      onRetry: (what, reason) => retries.push(`${what}: ${reason}`),
    });
    const id = c.osds[c.osds.length - 1]!.id;
    const pool = `bynar-transient-${Date.now()}`;
    try {
      await raw.send(CMD.osdOut(id));
      // A new pool's PGs are "unknown" to the mgr until the OSDs report them (≈1 s).
      await ceph(["osd", "pool", "create", pool, "8", "8"]);
      let seen: RadosError | null = null;
      try {
        await raw.safeToDestroy(id);
      } catch (err) {
        seen = err as RadosError;
      }
      assert.ok(seen instanceof RadosError, "the raw query right after `osd out` fails");
      assert.equal(seen.errno, 11, seen.message);
      assert.match(seen.clusterMessage, /pgs have unknown state/);
      assert.match(transientCephReason(seen) ?? "", /^EAGAIN: \d+ pgs have unknown state/);

      // Again, through the policy: an answer, not a failure.
      await ceph(["osd", "pool", "rm", pool, pool, "--yes-i-really-really-mean-it"]);
      await ceph(["osd", "pool", "create", pool, "8", "8"]);
      const answer = await api.safeToDestroy(id);
      assert.ok(
        answer.safe.includes(id) || answer.active.includes(id),
        `an answer about osd.${id}: ${JSON.stringify(answer)}`,
      );
      assert.ok(retries.length >= 1, "it was asked again at least once");
      assert.match(retries[0]!, /osd safe-to-destroy .*EAGAIN: \d+ pgs have unknown state/);
    } finally {
      await ceph(["osd", "pool", "rm", pool, pool, "--yes-i-really-really-mean-it"], {
        allowFail: true,
      });
      await raw.send(CMD.osdIn(id));
      await waitHealthy();
    }
  });
});
