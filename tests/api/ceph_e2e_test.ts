/**
 * End to end against the real Ceph test cluster (tests/ceph/cluster.ts): the disk-manager
 * over TLS with the real Ceph backend and the real inventory; `bynar client`'s API
 * client (protobuf) lists the disks, plans and runs a removal, the disk is swapped, and
 * the replacement is added back with the same OSD id; curl lists the disks as JSON.
 *
 * Run alone: `deno test -A tests/api/ceph_e2e_test.ts` (bootstraps the cluster if needed,
 * serialised by the cluster lock).
 *
 * @module
 */
import assert from "node:assert/strict";
import { ApiClient } from "../../src/api/client.ts";
import type { DiskMsg } from "../../src/api/codec/messages.ts";
import { runCommand } from "../../src/process/run.ts";
import {
  attachBlankDisk,
  cephJson,
  detachDisk,
  recordOsds,
  waitHealthy,
  withCluster,
} from "../ceph/cluster.ts";
import { startCephDiskManager } from "./ceph_disk_manager.ts";

Deno.test({
  name: "api e2e: remove and add an OSD disk through the API on the real Ceph cluster",
  sanitizeOps: false,
  sanitizeResources: false,
}, async () => {
  await withCluster(async (c) => {
    await waitHealthy();
    const dir = await Deno.makeTempDir({ prefix: "bynar-api-ceph-" });
    const { dm, db, pki, token } = await startCephDiskManager(c, dir, {
      log: (l) => console.error(l),
    });
    const client = new ApiClient(`https://localhost:${dm.addr.port}`, {
      token,
      caCert: await Deno.readTextFile(pki.caPath),
    });
    try {
      const osd = c.osds[1]!;
      const find = (disks: DiskMsg[], path: string): DiskMsg => {
        const d = disks.find((x) => x.dev_path === path);
        assert.ok(d, `disk ${path} not listed`);
        return d;
      };
      let disks = await client.listDisks();
      const d = find(disks, osd.loop);
      assert.equal(d.type, "LOOPBACK");
      assert.deepEqual(d.role, {
        kind: "osd",
        osd_id: osd.id,
        up: true,
        is_in: true,
        destroyed: false,
      });
      assert.match(d.identity!.key, /^serial:LOOP-\d+-\d+$/);
      const identity = d.identity!.key;

      // The same list as JSON with curl.
      const curl = await runCommand("curl", [
        "-sf",
        "--cacert",
        pki.caPath,
        "-H",
        `Authorization: Bearer ${token}`,
        `https://localhost:${dm.addr.port}/v1/disks`,
      ]);
      assert.equal(curl.code, 0, curl.stderr);
      assert.equal(find(JSON.parse(curl.stdout).disk, osd.loop).identity!.key, identity);

      // A wrong identity is refused before anything happens.
      await assert.rejects(client.remove(osd.loop, "serial:LOOP-0-0"), /it is "serial:LOOP-/);

      const safe = await client.safeToRemove(osd.loop, identity);
      assert.equal(safe.value, true, safe.message);
      const plan = await client.remove(osd.loop, identity, { simulate: true });
      assert.equal(plan.result?.outcome, "Success");
      assert.ok((plan.result?.plan ?? []).length > 0);

      await waitHealthy(); // every PG active+clean, else the removal is (rightly) refused
      const started = await client.remove(osd.loop, identity);
      assert.ok(started.operation, "202 with an operation");
      // A second request for the same disk while it runs gets 409.
      await assert.rejects(client.add(osd.loop, identity), /still running/);
      const removed = await client.waitOperation(started.operation.id, { intervalMs: 500 });
      assert.equal(removed.state, "SUCCEEDED", JSON.stringify(removed.result));
      assert.equal(removed.result?.osd_id, osd.id);
      const dump = await cephJson<{ osds: { osd: number; state: string[] }[] }>(["osd", "dump"]);
      assert.ok(dump.osds.find((o) => o.osd === osd.id)?.state.includes("destroyed"), "id kept");
      disks = await client.listDisks();
      const role = find(disks, osd.loop).role!;
      assert.deepEqual(
        [role.kind, role.osd_id, role.destroyed],
        ["osd", osd.id, true],
        `the zapped disk shows its destroyed OSD's slot: ${JSON.stringify(role)}`,
      );

      // Swap the disk: the replacement is a new loop device with a new identity.
      await detachDisk(osd.loop);
      const fresh = await attachBlankDisk(`osd-${osd.id}-api.img`);
      c.osds = c.osds.map((
        o,
      ) => (o.id === osd.id ? { id: osd.id, loop: fresh.loop, file: fresh.file } : o));
      await recordOsds(c.osds);
      disks = await client.listDisks();
      const newId = find(disks, fresh.loop).identity!.key;
      assert.notEqual(newId, identity);

      const addPlan = await client.add(fresh.loop, newId, { simulate: true, osdId: osd.id });
      assert.equal(addPlan.result?.outcome, "Success");
      const adding = await client.add(fresh.loop, newId, { osdId: osd.id });
      const added = await client.waitOperation(adding.operation!.id, { intervalMs: 500 });
      assert.equal(added.state, "SUCCEEDED", JSON.stringify(added.result));
      assert.equal(added.result?.osd_id, osd.id, "same OSD id");
      disks = await client.listDisks();
      const back = find(disks, fresh.loop).role!;
      assert.deepEqual([back.kind, back.osd_id, back.up, back.is_in, back.destroyed], [
        "osd",
        osd.id,
        true,
        true,
        false,
      ]);
      const audit = await runCommand(Deno.execPath(), [
        "run",
        "-A",
        new URL("../../src/main.ts", import.meta.url).pathname,
        "audit",
        "verify",
        `${dir}/audit.log`,
      ]);
      assert.equal(audit.code, 0, audit.stdout);
    } finally {
      client.close();
      await dm.close();
      db.close();
      await Deno.remove(dir, { recursive: true });
    }
  });
});
