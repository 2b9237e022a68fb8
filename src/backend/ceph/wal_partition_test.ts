import assert from "node:assert/strict";
import { decideWalRemoval, type JournalConfig, walUsers } from "./wal_partition.ts";
import type { OsdDump, OsdMetadata } from "./parse.ts";

const UUID = "0b2f7a3e-6f1c-4d3a-9a53-1d2c3b4a5f60";
const CONFIG: JournalConfig = {
  journal_devices: [{ device: "/dev/nvme0n1" }, { device: "/dev/sdk", partition_id: 1 }],
  osd_config: [{ is_lvm: true, dev_path: "/dev/sdc", journal_path: "/dev/sdj2" }],
};

Deno.test("WAL on a configured journal device (NVMe name) → delete partition 3 of nvme0n1", () => {
  assert.deepEqual(
    decideWalRemoval({ path: "/dev/nvme0n1p3", partUuid: UUID.toUpperCase() }, CONFIG),
    {
      action: "delete",
      partition: { path: "/dev/nvme0n1p3", disk: "/dev/nvme0n1", number: 3, partUuid: UUID },
    },
  );
});

Deno.test("WAL kept: osd_config journal_path, partition_id entry, other disk, LV, unreadable", () => {
  const keep = (path: string, partUuid: string | null = UUID) =>
    decideWalRemoval({ path, partUuid }, CONFIG);
  assert.match((keep("/dev/sdj2") as { reason: string }).reason, /osd_config/);
  assert.match((keep("/dev/sdk1") as { reason: string }).reason, /names this partition/);
  assert.match((keep("/dev/sdm2") as { reason: string }).reason, /not a configured journal/);
  assert.match((keep("/dev/dm-3") as { reason: string }).reason, /not a partition/);
  assert.match((keep("/dev/nvme0n1p3", null) as { reason: string }).reason, /PARTUUID/);
  for (const p of ["/dev/sdj2", "/dev/sdk1", "/dev/sdm2", "/dev/dm-3"]) {
    assert.equal(keep(p).action, "keep", p);
  }
  assert.equal(decideWalRemoval(null, CONFIG).action, "none");
  assert.equal(
    decideWalRemoval({ path: "/dev/nvme0n1p3", partUuid: UUID }, {
      osd_config: [],
      journal_devices: undefined,
    }).action,
    "keep",
  );
});

function meta(id: number, over: Partial<OsdMetadata> = {}): OsdMetadata {
  return {
    id,
    hostname: "h1.example",
    devicePath: `/dev/sd${"bcdefg"[id]}`,
    objectstore: "bluestore",
    devices: [],
    deviceIds: [],
    ...over,
  };
}

const DUMP: OsdDump = {
  fsid: "f",
  epoch: 1,
  flags: [],
  crushNodeFlags: {},
  osds: [0, 1, 2, 3].map((id) => ({
    id,
    uuid: `u${id}`,
    up: true,
    in: true,
    state: id === 3 ? ["exists", "destroyed"] : ["exists", "up"],
  })),
  totalPgs: 0,
};

Deno.test("walUsers: every OSD is scanned (B-76); own, destroyed and other hosts' do not count", () => {
  const p = { path: "/dev/nvme0n1p3", disk: "/dev/nvme0n1", number: 3, partUuid: UUID };
  const facts = {
    selfId: 1,
    host: "h1",
    dump: DUMP,
    metadata: [
      meta(0),
      meta(1, { walPath: p.path }), // itself
      meta(2, { walPath: p.path, hostname: "h2" }), // another host's nvme0n1p3
      meta(3, { walPath: p.path }), // destroyed: stale metadata
    ],
    links: [],
  };
  assert.deepEqual(walUsers(p, facts), []);
  // osd.0 (first) has no link; osd.2's by-partuuid link is found anyway.
  assert.deepEqual(
    walUsers(p, {
      ...facts,
      links: [
        { osdId: 0, name: "block", target: "/dev/sdb", resolved: "/dev/sdb" },
        {
          osdId: 2,
          name: "block.wal",
          target: `/dev/disk/by-partuuid/${UUID}`,
          resolved: null,
        },
      ],
    }),
    ["osd.2 (block.wal link)"],
  );
  assert.deepEqual(
    walUsers(p, { ...facts, metadata: [...facts.metadata, meta(0, { dbPath: p.path })] }),
    ["osd.0 (osd metadata)"],
  );
});
