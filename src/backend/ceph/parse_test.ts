import assert from "node:assert/strict";
import {
  parseCephVersion,
  parseJson,
  parseLvmList,
  parseOsdDump,
  parseOsdMetadata,
  parseOsdTree,
  parsePgLsStates,
  parsePgStat,
  parseRawList,
  parseSafeToDestroy,
} from "./parse.ts";
import { ParseError } from "../../errors.ts";

const FIX = new URL("../../../../shared/fixtures/ceph-pacific/", import.meta.url);
function fx(name: string): string {
  return Deno.readTextFileSync(new URL(name, FIX));
}

Deno.test("osd tree: OSDs with host, weight and status (CLI leading newline kept)", () => {
  const osds = parseOsdTree(fx("02-osd-tree-baseline.json"));
  assert.deepEqual(osds.map((o) => [o.id, o.host, o.status, o.reweight]), [
    [0, "vm", "up", 1],
    [1, "vm", "up", 1],
    [2, "vm", "up", 1],
  ]);
  assert.equal(osds[1]!.crushWeight, 0.0048980712890625);
  assert.equal(osds[1]!.deviceClass, "hdd");
});

Deno.test("osd tree after out and after destroy", () => {
  const out = parseOsdTree(fx("22-osd-tree-after-out.json"));
  assert.equal(out.find((o) => o.id === 1)!.reweight, 0);
  const destroyed = parseOsdTree(fx("destroy/29-osd-tree-after-destroy.json"));
  assert.equal(destroyed.find((o) => o.id === 2)!.status, "destroyed");
  const purged = parseOsdTree(fx("29-osd-tree-after-purge.json"));
  assert.equal(purged.find((o) => o.id === 1), undefined);
});

Deno.test("osd dump: flags, OSD uuids and states, PG total", () => {
  const d = parseOsdDump(fx("09-osd-dump-baseline.json"));
  assert.deepEqual(d.flags.sort(), [
    "pglog_hardlimit",
    "purged_snapdirs",
    "recovery_deletes",
    "sortbitwise",
  ]);
  assert.equal(d.osds.length, 3);
  assert.equal(d.osds[0]!.uuid, "e71de2b7-3a22-4038-9e00-dbb8a2eb5a8f");
  assert.ok(d.osds.every((o) => o.up && o.in && o.state.includes("exists")));
  assert.deepEqual(d.crushNodeFlags, {});
  assert.equal(d.totalPgs, 1);
});

Deno.test("safe-to-destroy: exit 0 answers parsed, not-safe kept apart from safe", () => {
  assert.deepEqual(parseSafeToDestroy(fx("10-safe-to-destroy-up-empty.json")).active, [1]);
  const safe = parseSafeToDestroy(fx("25-safe-to-destroy-safe.json"));
  assert.deepEqual(safe.safe, [1]);
  assert.deepEqual(parseSafeToDestroy(fx("48-safe-to-destroy-multi.json")).active, [0, 1, 2]);
  assert.throws(() => parseSafeToDestroy("{}"), ParseError);
});

Deno.test("pg stat: states, backfill count and active+clean", () => {
  const base = parsePgStat(fx("04-pg-stat-baseline.json"));
  assert.equal(base.numPgs, 1);
  assert.equal(base.activeClean, 1);
  const drain = parsePgStat(fx("19-pg-stat-during-drain.json"));
  assert.deepEqual(drain.byState, { peering: 25, "active+clean": 8 });
  assert.equal(drain.activeClean, 8);
  const down = parsePgStat(fx("dead-osd/23-pg-stat-osd-down.json"));
  assert.equal(down.byState["active+undersized+degraded"], 24);
  // Nautilus' unwrapped form.
  const n = parsePgStat(
    '{"num_pg_by_state":[{"name":"active+remapped+backfilling","num":3},{"name":"active+remapped+backfill_wait","num":2},{"name":"active+clean","num":5}],"num_pgs":10}',
  );
  assert.equal(n.backfilling, 5);
  assert.equal(n.activeClean, 5);
});

Deno.test("pg ls-by-osd: PG states (and the empty answer of a drained OSD)", () => {
  const states = parsePgLsStates(fx("17-pg-ls-by-osd-1.json"));
  assert.ok(states.length > 0);
  assert.ok(states.every((s) => s === "active+clean"));
  assert.deepEqual(parsePgLsStates('{"pg_ready":true}'), []);
});

Deno.test("ceph version: every release parses (B-52), JSON and text", () => {
  assert.deepEqual(
    parseCephVersion('{"version":"16.2.15","release":"pacific","release_type":"stable"}'),
    {
      major: 16,
      minor: 2,
      patch: 15,
      release: "pacific",
    },
  );
  const n = parseCephVersion(
    "ceph version 14.2.22 (ca74598065096e6fcbd8433c8779a2be0c889351) nautilus (stable)",
  );
  assert.equal(n.major, 14);
  assert.equal(n.release, "nautilus");
  assert.equal(parseCephVersion("ceph version 18.2.4 (e7ad) reef (stable)").major, 18);
  assert.throws(() => parseCephVersion("no version"), ParseError);
});

Deno.test("ceph-volume raw list: device → OSD id and fsids; empty after zap", () => {
  const list = parseRawList(fx("07-ceph-volume-raw-list.json"));
  assert.deepEqual(list.map((o) => [o.osdId, o.devices[0]]), [
    [0, "/dev/loop0"],
    [1, "/dev/loop1"],
    [2, "/dev/loop2"],
  ]);
  assert.equal(list[1]!.osdFsid, "50ba02e7-a4df-47c9-ba67-2ae973622c6e");
  assert.equal(list[1]!.clusterFsid, "38402ac3-2b11-457d-84b5-92b5ae5dcdad");
  assert.deepEqual(parseRawList(fx("31-ceph-volume-raw-list-after-zap.json")), []);
  assert.equal(parseRawList(fx("32-ceph-volume-raw-list-new.json"))[0]!.osdId, 1);
});

Deno.test("ceph-volume lvm list: empty here; tags of a production listing", () => {
  assert.deepEqual(parseLvmList(fx("08-ceph-volume-lvm-list.json")), []);
  const sample = JSON.stringify({
    "3": [{
      devices: ["/dev/sdd"],
      lv_path: "/dev/ceph-9e0/osd-block-aa",
      type: "block",
      tags: {
        "ceph.osd_id": "3",
        "ceph.osd_fsid": "aa11",
        "ceph.cluster_fsid": "cc22",
        "ceph.wal_device": "/dev/nvme0n1p2",
      },
    }, { devices: ["/dev/nvme0n1"], type: "wal", tags: {} }],
  });
  const [osd] = parseLvmList(sample);
  assert.deepEqual(osd, {
    osdId: 3,
    osdFsid: "aa11",
    clusterFsid: "cc22",
    devices: ["/dev/sdd"],
    mode: "lvm",
    walDevice: "/dev/nvme0n1p2",
  });
});

Deno.test("osd metadata: device path and hostname", () => {
  const [m] = parseOsdMetadata(fx("05-osd-metadata-1.json"));
  assert.deepEqual(m, {
    id: 1,
    hostname: "vm",
    devicePath: "/dev/loop1",
    objectstore: "bluestore",
    devices: ["loop1"],
    deviceIds: [],
    walPath: null,
    dbPath: null,
    journalPath: null,
  });
  const [real] = parseOsdMetadata(JSON.stringify({
    id: 7,
    hostname: "node1.example",
    bluestore_bdev_dev_node: "/dev/sdc",
    devices: "sdc",
    device_ids: "sdc=ATA_ST4000NM0033_Z1Z0ABCD",
  }));
  assert.deepEqual(real!.deviceIds, ["sdc=ATA_ST4000NM0033_Z1Z0ABCD"]);
  assert.equal(real!.devicePath, "/dev/sdc");
});

Deno.test("osd metadata: dedicated WAL/DB partitions and the FileStore journal", () => {
  const base = JSON.parse(fx("05-osd-metadata-1.json"));
  const [wal] = parseOsdMetadata(JSON.stringify({
    ...base,
    bluefs_dedicated_wal: "1",
    bluefs_wal_partition_path: "/dev/nvme0n1p3",
    bluefs_wal_dev_node: "/dev/nvme0n1",
    bluefs_dedicated_db: "1",
    bluefs_db_partition_path: "unknown",
    bluefs_db_dev_node: "/dev/nvme1n1",
  }));
  assert.equal(wal!.walPath, "/dev/nvme0n1p3");
  assert.equal(wal!.dbPath, "/dev/nvme1n1", "an unknown partition path falls back to the node");
  const [fs] = parseOsdMetadata(JSON.stringify({
    id: 3,
    osd_objectstore: "filestore",
    osd_journal: "/var/lib/ceph/osd/ceph-3/journal",
  }));
  assert.equal(fs!.journalPath, "/var/lib/ceph/osd/ceph-3/journal");
  assert.equal(fs!.walPath, null);
});

Deno.test("parseJson tolerates a preamble and rejects garbage", () => {
  assert.deepEqual(parseJson('hints = 1\n{"a":1}', "x"), { a: 1 });
  assert.throws(() => parseJson("nope", "x"), /Cannot parse x/);
});
