/**
 * Graceful shutdown on the real Ceph test cluster, through the composition root in
 * process (`close()` is what the SIGTERM handler of `bynar disk-manager` calls): a removal
 * interrupted mid-way is parked at a journaled safe point and recorded FAILED
 * `interrupted` (never RUNNING), the scrub flags are restored, and a restarted
 * disk-manager resumes it from the journal to SUCCEEDED on the same OSD (no duplicate).
 * The disk is then swapped and added back, leaving the cluster as found. kill -9 and the
 * shipped launcher are covered on the simulated backend (shipped_faults_test.ts).
 */
import assert from "node:assert/strict";
import { ApiClient } from "../../src/api/client.ts";
import type { DiskMsg } from "../../src/api/codec/messages.ts";
import {
  attachBlankDisk,
  ceph,
  cephJson,
  detachDisk,
  recordOsds,
  waitHealthy,
  withCluster,
} from "../ceph/cluster.ts";
import { startCephDiskManager } from "./ceph_disk_manager.ts";

interface OsdDump {
  flags: string;
  osds: { osd: number; state: string[]; up: number; in: number }[];
}

Deno.test({
  name:
    "ceph shutdown: a removal interrupted by shutdown is parked, recorded, and resumed by the next process",
  ignore: Deno.env.get("BYNAR_SKIP_CEPH") === "1",
  sanitizeOps: false,
  sanitizeResources: false,
}, async () => {
  await withCluster(async (c) => {
    await waitHealthy();
    const dir = await Deno.makeTempDir({ prefix: "bynar-ceph-shutdown-" });
    const osd = c.osds[1]!;
    const before = await cephJson<OsdDump>(["osd", "dump"]);
    let first = await startCephDiskManager(c, dir, {
      diskManager: { shutdown_grace_seconds: 0 },
      log: (l) => console.error(l),
    });
    let client = new ApiClient(`https://localhost:${first.dm.addr.port}`, {
      token: first.token,
      caCert: await Deno.readTextFile(first.pki.caPath),
    });
    const find = (disks: DiskMsg[], path: string): DiskMsg => {
      const d = disks.find((x) => x.dev_path === path);
      assert.ok(d, `disk ${path} not listed`);
      return d;
    };
    let destroyed = false;
    try {
      const identity = find(await client.listDisks(), osd.loop).identity!.key;
      const started = await client.remove(osd.loop, identity);
      const id = started.operation!.id;
      // Let it reach the drain (after osd_out), then shut down as SIGTERM does.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const op = await client.operation(id);
        if (op.state !== "RUNNING" || op.step === "wait_drained" || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      client.close();
      await first.dm.close();
      const rec = JSON.parse(
        String(
          first.db.prepare("SELECT record FROM api_operations WHERE id = ?").get(id)!.record,
        ),
      );
      first.db.close();
      assert.notEqual(rec.state, "RUNNING", "never left RUNNING");
      // Shut down during the drain: parked, not finished.
      console.error(`ceph shutdown: operation ${id} after close(): ${rec.state} ${rec.message}`);
      assert.equal(rec.state, "FAILED", JSON.stringify(rec));
      assert.equal(rec.result.error_type, "interrupted", rec.message);
      const parked = await cephJson<OsdDump>(["osd", "dump"]);
      assert.doesNotMatch(parked.flags, /noscrub|nodeep-scrub/, "scrub flags restored");

      // The next process resumes the journaled removal to its end, on the same OSD.
      first = await startCephDiskManager(c, dir, { log: (l) => console.error(l) });
      client = new ApiClient(`https://localhost:${first.dm.addr.port}`, {
        token: first.token,
        caCert: await Deno.readTextFile(first.pki.caPath),
      });
      assert.equal((await client.operation(id)).state, rec.state);
      if (rec.state === "FAILED") {
        // The OSD stays out where the removal parked; the request is refused (409) until
        // its data has moved, then resumes from the journal.
        let again;
        const until = Date.now() + 180_000;
        for (;;) {
          try {
            again = await client.remove(osd.loop, identity);
            break;
          } catch (err) {
            if (!/not safe|409/.test(String(err)) || Date.now() > until) throw err;
            await new Promise((r) => setTimeout(r, 3_000));
          }
        }
        const done = await client.waitOperation(again.operation!.id, { intervalMs: 500 });
        assert.equal(done.state, "SUCCEEDED", JSON.stringify(done.result));
        assert.equal(done.result?.osd_id, osd.id);
      }
      const after = await cephJson<OsdDump>(["osd", "dump"]);
      destroyed = !!after.osds.find((o) => o.osd === osd.id)?.state.includes("destroyed");
      assert.ok(destroyed, "the OSD was removed (destroyed, id kept)");
      assert.equal(after.osds.length, before.osds.length, "no OSD created or purged twice");
      assert.equal(
        after.osds.filter((o) => o.state.includes("destroyed")).length,
        1,
        "exactly one OSD destroyed",
      );
    } finally {
      // Leave the cluster as found: a new disk in the slot, added back with the same id.
      try {
        if (destroyed) {
          await detachDisk(osd.loop);
          const fresh = await attachBlankDisk(`osd-${osd.id}-shutdown.img`);
          c.osds = c.osds.map((o) =>
            o.id === osd.id ? { ...o, loop: fresh.loop, file: fresh.file } : o
          );
          await recordOsds(c.osds);
          const newId = find(await client.listDisks(), fresh.loop).identity!.key;
          const adding = await client.add(fresh.loop, newId, { osdId: osd.id });
          const added = await client.waitOperation(adding.operation!.id, { intervalMs: 500 });
          assert.equal(added.state, "SUCCEEDED", JSON.stringify(added.result));
          await waitHealthy();
        } else {
          // Interrupted and not resumed (a failed assertion): put the OSD back in, flags off.
          const now = await cephJson<OsdDump>(["osd", "dump"]);
          if (now.osds.find((o) => o.osd === osd.id)?.in === 0) {
            await ceph(["osd", "in", String(osd.id)], { allowFail: true });
          }
          for (const flag of ["noscrub", "nodeep-scrub"]) {
            if (now.flags.includes(flag) && !before.flags.includes(flag)) {
              await ceph(["osd", "unset", flag], { allowFail: true });
            }
          }
        }
      } finally {
        client.close();
        await first.dm.close();
        if (first.db.isOpen) first.db.close();
        await Deno.remove(dir, { recursive: true });
      }
    }
  });
});
