/**
 * The privilege split on the real Ceph test cluster (tests/ceph/cluster.ts, under its
 * lock): the executor's composition root (`startExecutorProgram`) with the real Ceph
 * backend and the real inventory behind its unix socket, the front's root
 * (`startDiskManagerProgram` with `executorSocket`) over TLS in front of it. Through the
 * front's API: identity refused, safe-to-remove, remove-simulate, remove (OSD id kept),
 * swap the disk, add with the same OSD id. The executor's journal shows each change begun
 * before it ended.
 *
 * Run alone: `deno test -A tests/executor/ceph_split_e2e_test.ts` (a few minutes; waits
 * for the cluster lock).
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ApiClient } from "../../src/api/client.ts";
import type { DiskMsg } from "../../src/api/codec/messages.ts";
import { localKeySource } from "../../src/api/middleware/auth/mod.ts";
import { startDiskManagerProgram } from "../../src/app/disk_manager.ts";
import { startExecutorProgram } from "../../src/app/executor.ts";
import { DiskManagerConfigSchema } from "../../src/config/schema.ts";
import { openDatabase } from "../../src/store/db.ts";
import {
  attachBlankDisk,
  cephJson,
  detachDisk,
  recordOsds,
  waitHealthy,
  withCluster,
} from "../ceph/cluster.ts";
import { testCephConfig } from "../ceph/helpers.ts";
import { AUDIENCE, HOST, ISSUER, makeKey, sign } from "../api/harness.ts";
import { makeTestPki } from "../api/pki.ts";

Deno.test({
  name:
    "split e2e: remove and add an OSD disk through the front and the executor on the real cluster",
  sanitizeOps: false,
  sanitizeResources: false,
}, async () => {
  await withCluster(async (c) => {
    await waitHealthy();
    const dir = await Deno.makeTempDir({ prefix: "bynar-split-ceph-" });
    await Deno.writeTextFile(join(dir, "ceph.json"), JSON.stringify(testCephConfig(c)));
    const sock = join(dir, "executor.sock");
    const journal = join(dir, "journal.jsonl");
    const executor = await startExecutorProgram({
      configDir: dir,
      socketPath: sock,
      includeLoop: true,
      databasePath: join(dir, "executor.db"),
      journalPath: journal,
      log: (l) => console.error(l),
    });
    const db = openDatabase(join(dir, "front.db"));
    const pki = await makeTestPki(dir);
    const key = await makeKey();
    const token = await sign(key, { scope: "disks:read disks:write", expIn: 3600 });
    const dm = await startDiskManagerProgram({
      configDir: dir,
      executorSocket: sock,
      overrides: {
        config: {
          diskManager: {
            ...DiskManagerConfigSchema.parse({
              tls_cert: pki.certPath,
              tls_key: pki.keyPath,
              jwt_issuer: ISSUER,
              jwt_audience: AUDIENCE,
              audit_log: `${dir}/audit.log`,
            }),
            port: 0,
            metrics_port: 0,
          },
        },
        db,
        keys: localKeySource({ keys: [key.publicJwk] }),
        hostnames: [HOST],
        log: (l) => console.error(l),
      },
    });
    assert.equal(dm.backend.name, "executor");
    const client = new ApiClient(`https://localhost:${dm.addr.port}`, {
      token,
      caCert: await Deno.readTextFile(pki.caPath),
    });
    try {
      // the executor connects Ceph in the background
      const until = Date.now() + 120_000;
      while ((await dm.backend.status().catch(() => null)) === null) {
        assert.ok(Date.now() < until, "the executor never connected to the cluster");
        await new Promise((r) => setTimeout(r, 500));
      }
      const osd = c.osds[1]!;
      const find = (disks: DiskMsg[], path: string): DiskMsg => {
        const d = disks.find((x) => x.dev_path === path);
        assert.ok(d, `disk ${path} not listed`);
        return d;
      };
      let disks = await client.listDisks();
      const d = find(disks, osd.loop);
      assert.equal(d.role?.kind, "osd");
      const identity = d.identity!.key;
      await assert.rejects(client.remove(osd.loop, "serial:LOOP-0-0"), /it is "serial:LOOP-/);
      const safe = await client.safeToRemove(osd.loop, identity);
      assert.equal(safe.value, true, safe.message);
      const plan = await client.remove(osd.loop, identity, { simulate: true });
      assert.equal(plan.result?.outcome, "Success");
      assert.ok((plan.result?.plan ?? []).length > 0);

      await waitHealthy();
      const started = await client.remove(osd.loop, identity);
      assert.ok(started.operation, "202 with an operation");
      const removed = await client.waitOperation(started.operation.id, { intervalMs: 500 });
      assert.equal(removed.state, "SUCCEEDED", JSON.stringify(removed.result));
      assert.equal(removed.result?.osd_id, osd.id);
      const dump = await cephJson<{ osds: { osd: number; state: string[] }[] }>(["osd", "dump"]);
      assert.ok(dump.osds.find((o) => o.osd === osd.id)?.state.includes("destroyed"), "id kept");

      await detachDisk(osd.loop);
      const fresh = await attachBlankDisk(`osd-${osd.id}-split.img`);
      c.osds = c.osds.map((o) =>
        o.id === osd.id ? { id: osd.id, loop: fresh.loop, file: fresh.file } : o
      );
      await recordOsds(c.osds);
      // the executor's inventory caches for 2 s
      await new Promise((r) => setTimeout(r, 2500));
      disks = await client.listDisks();
      const newId = find(disks, fresh.loop).identity!.key;
      const adding = await client.add(fresh.loop, newId, { osdId: osd.id });
      const added = await client.waitOperation(adding.operation!.id, { intervalMs: 500 });
      assert.equal(added.state, "SUCCEEDED", JSON.stringify(added.result));
      assert.equal(added.result?.osd_id, osd.id, "same OSD id");
      const entries = (await Deno.readTextFile(journal)).trim().split("\n").map((l) =>
        JSON.parse(l)
      );
      assert.deepEqual(
        entries.filter((e) => e.phase !== "refused").map((e) => `${e.phase} ${e.op}`),
        ["begin remove", "end remove", "begin add", "end add"],
      );
    } finally {
      client.close();
      await dm.close();
      await executor.close();
      db.close();
      await Deno.remove(dir, { recursive: true });
    }
  });
});
