/**
 * B-24 end to end against the real Ceph test cluster: a disk dies (its OSD daemon is
 * killed with SIGKILL and its loop device detached, so the device is gone from the host),
 * and the disk-manager still finds its OSD from the cluster metadata, removes it keeping
 * the id (destroyed) without touching the device path, shows the empty slot as the
 * destroyed OSD, and the replacement disk is then added back with the same id.
 *
 * Run alone: `deno test -A tests/api/vanished_ceph_e2e_test.ts` (bootstraps the cluster if
 * needed, serialised by the cluster lock).
 *
 * @module
 */
import assert from "node:assert/strict";
import { ApiClient } from "../../src/api/client.ts";
import type { DiskMsg } from "../../src/api/codec/messages.ts";
import { DisksRepo } from "../../src/store/disks_repo.ts";
import type { BlockDisk } from "../../src/inventory/model.ts";
import {
  attachBlankDisk,
  cephJson,
  detachDisk,
  killOsd,
  recordOsds,
  waitHealthy,
  withCluster,
} from "../ceph/cluster.ts";
import { verifyChecksummedData, writeChecksummedData } from "../ceph/helpers.ts";
import { startCephDiskManager } from "./ceph_disk_manager.ts";

interface DumpOsd {
  osd: number;
  up: number;
  in: number;
  state: string[];
}

async function osdState(id: number): Promise<DumpOsd | undefined> {
  const dump = await cephJson<{ osds: DumpOsd[] }>(["osd", "dump"]);
  return dump.osds.find((o) => o.osd === id);
}

async function waitDown(id: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await osdState(id))?.up === 1) {
    if (Date.now() > deadline) throw new Error(`osd.${id} is still up`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

Deno.test({
  name: "api e2e (B-24): a vanished disk's OSD is removed from cluster metadata, then replaced",
  sanitizeOps: false,
  sanitizeResources: false,
}, async () => {
  await withCluster(async (c) => {
    await waitHealthy();
    const dir = await Deno.makeTempDir({ prefix: "bynar-api-vanished-" });
    const { dm, db, pki, token, inventory } = await startCephDiskManager(c, dir, {
      log: (l) => console.error(l),
    });
    const client = new ApiClient(`https://localhost:${dm.addr.port}`, {
      token,
      caCert: await Deno.readTextFile(pki.caPath),
    });
    const find = (disks: DiskMsg[], path: string): DiskMsg | undefined =>
      disks.find((x) => x.dev_path === path);
    try {
      const osd = c.osds[0]!;
      const sums = await writeChecksummedData(c, { prefix: "bynar-vanished", count: 16 });
      const seen = find(await client.listDisks(), osd.loop);
      assert.ok(seen, `${osd.loop} listed`);
      const identity = seen.identity!.key;
      // The host's check pass recorded its disks (path → identity) before the death.
      const known = new DisksRepo(db);
      for (const d of await inventory.list()) known.upsertSeen(d as BlockDisk, new Date());

      // The disk dies: the daemon crashes, the kernel drops the device.
      await killOsd(osd.id);
      await waitDown(osd.id);
      await detachDisk(osd.loop);
      assert.equal(find(await client.listDisks(), osd.loop), undefined, "the disk is gone");

      // A wrong or missing identity is still refused before anything happens.
      await assert.rejects(client.safeToRemove(osd.loop), /identity/);
      await assert.rejects(client.remove(osd.loop, "serial:NOT-THIS-ONE"), /last seen there/);

      // Found from the cluster metadata without an OSD id…
      const safe = await client.safeToRemove(osd.loop, identity);
      assert.equal(safe.osd_id, osd.id, safe.message);
      assert.equal(safe.value, true, safe.message);
      // …and removed with the stored one, as the detector sends it.
      const plan = await client.remove(osd.loop, identity, { simulate: true, osdId: osd.id });
      const steps = (plan.result?.plan ?? []).map((s) => s.name);
      assert.ok(steps.includes("destroy") && steps.includes("stop_daemon"), steps.join());
      assert.ok(!steps.includes("zap"), "no zap of a device that is gone");
      const started = await client.remove(osd.loop, identity, { osdId: osd.id });
      assert.ok(started.operation, "202 with an operation");
      const removed = await client.waitOperation(started.operation.id, { intervalMs: 500 });
      assert.equal(removed.state, "SUCCEEDED", JSON.stringify(removed.result));
      assert.equal(removed.result?.osd_id, osd.id);
      const after = await osdState(osd.id);
      assert.ok(after?.state.includes("destroyed"), `destroyed, id kept: ${after?.state}`);
      assert.deepEqual(await verifyChecksummedData(c, sums), [], "data intact");
      const again = await client.remove(osd.loop, identity, { osdId: osd.id });
      assert.equal(again.result?.outcome, "SkipRepeat", JSON.stringify(again));

      // The replacement: a blank disk in the slot, listed as the destroyed OSD's slot when
      // it took the same path, and added back with the same id.
      const fresh = await attachBlankDisk(`osd-${osd.id}-vanished.img`);
      c.osds = c.osds.map((o) =>
        o.id === osd.id ? { id: osd.id, loop: fresh.loop, file: fresh.file } : o
      );
      await recordOsds(c.osds);
      const slot = find(await client.listDisks(), fresh.loop);
      assert.ok(slot, `${fresh.loop} listed`);
      if (fresh.loop === osd.loop) {
        assert.deepEqual(
          [slot.role?.kind, slot.role?.osd_id, slot.role?.destroyed],
          ["osd", osd.id, true],
          "the empty slot awaits a replacement",
        );
      }
      const adding = await client.add(fresh.loop, slot.identity!.key, { osdId: osd.id });
      const added = await client.waitOperation(adding.operation!.id, { intervalMs: 500 });
      assert.equal(added.state, "SUCCEEDED", JSON.stringify(added.result));
      assert.equal(added.result?.osd_id, osd.id, "same OSD id");
      const back = await osdState(osd.id);
      assert.ok(back?.up === 1 && back.in === 1 && !back.state.includes("destroyed"));
      assert.deepEqual(await verifyChecksummedData(c, sums), [], "data intact after the add");
    } finally {
      client.close();
      await dm.close();
      db.close();
      await Deno.remove(dir, { recursive: true });
    }
  });
});
