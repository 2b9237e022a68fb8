/**
 * librados against the real test cluster: one shared connection, mon and mgr commands,
 * typed errors carrying the cluster's message, fsid, conf get, object I/O.
 *
 * @module
 */
import assert from "node:assert/strict";
import {
  closeAllRadosConnections,
  getRadosConnection,
  RadosError,
} from "../../ffi/librados/mod.ts";
import { withCluster } from "./cluster.ts";

Deno.test({
  name: "librados on the real cluster",
  sanitizeOps: false,
  sanitizeResources: false,
}, async (t) => {
  await withCluster(async (c) => {
    try {
      const rados = await getRadosConnection({ confPath: c.confPath });
      await t.step("one connection per process, reused (B-74)", async () => {
        const again = await Promise.all([
          getRadosConnection({ confPath: c.confPath }),
          getRadosConnection({ confPath: c.confPath, user: "admin" }),
        ]);
        assert.ok(again.every((r) => r === rados));
      });
      await t.step("fsid and conf get", () => {
        assert.equal(rados.fsid(), c.fsid);
        assert.equal(rados.confGet("run_dir"), `${c.stateDir}/run`);
        assert.throws(
          () => rados.confGet("no_such_option"),
          (e: unknown) => e instanceof RadosError && e.errno === 2,
        );
      });
      await t.step("mon and mgr commands", async () => {
        const tree = await rados.monCommandJson<{ nodes: { type: string }[] }>({
          prefix: "osd tree",
        });
        assert.equal(tree.nodes.filter((n) => n.type === "osd").length, 3);
        const viaMgr = await rados.mgrCommand({
          prefix: "osd safe-to-destroy",
          ids: [String(c.osds[0]!.id)],
          format: "json",
        });
        assert.deepEqual(JSON.parse(viaMgr.out).active, [c.osds[0]!.id]);
        const missing = await rados.mgrCommand({
          prefix: "osd destroy",
          id: 77,
          yes_i_really_mean_it: true,
        });
        assert.equal(missing.status, "osd.77 does not exist");
      });
      await t.step("errors carry the errno and the cluster's message", async () => {
        await assert.rejects(
          rados.monCommand({ prefix: "osd safe-to-destroy", ids: [String(c.osds[0]!.id)] }),
          (e: unknown) =>
            e instanceof RadosError && e.errno === 16 &&
            /pgs currently mapped/.test(e.clusterMessage) &&
            /EBUSY/.test(e.message),
        );
        await assert.rejects(
          rados.monCommand({ prefix: "osd destroy", id: 77, yes_i_really_mean_it: true }),
          (e: unknown) => e instanceof RadosError && e.errno === 22,
        );
      });
      await t.step("object write, read and remove", async () => {
        const data = new TextEncoder().encode("bynar librados test");
        await rados.writeFull(c.pool, "bynar-librados-test", data);
        assert.deepEqual(await rados.read(c.pool, "bynar-librados-test", 100), data);
        await rados.remove(c.pool, "bynar-librados-test");
        await assert.rejects(
          rados.read(c.pool, "bynar-librados-test", 10),
          (e: unknown) => e instanceof RadosError && e.errno === 2,
        );
        await rados.remove(c.pool, "bynar-librados-test");
      });
      await t.step("close is idempotent; the next call connects anew", async () => {
        rados.close();
        rados.close();
        assert.throws(() => rados.fsid(), /closed/);
        const fresh = await getRadosConnection({ confPath: c.confPath });
        assert.notEqual(fresh, rados);
        assert.equal(fresh.fsid(), c.fsid);
      });
    } finally {
      closeAllRadosConnections();
    }
  });
});
