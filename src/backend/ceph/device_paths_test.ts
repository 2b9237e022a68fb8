import assert from "node:assert/strict";
import {
  chooseWalDb,
  isConfiguredSystemDisk,
  isJournalDevice,
  osdConfigFor,
  partitionPath,
  splitPartition,
} from "./device_paths.ts";

Deno.test("partition names: NVMe/mmcblk/loop take a p (B-58)", () => {
  assert.equal(partitionPath("/dev/sdb", 1), "/dev/sdb1");
  assert.equal(partitionPath("/dev/nvme0n1", 1), "/dev/nvme0n1p1");
  assert.equal(partitionPath("/dev/mmcblk0", 2), "/dev/mmcblk0p2");
  assert.equal(partitionPath("/dev/loop3", 1), "/dev/loop3p1");
  assert.throws(() => partitionPath("/dev/sdb", 0), RangeError);
});

Deno.test("whole disk of a partition, never by dropping the last character (B-59)", () => {
  assert.deepEqual(splitPartition("/dev/sdb2"), { disk: "/dev/sdb", number: 2 });
  assert.deepEqual(splitPartition("/dev/nvme0n1p3"), { disk: "/dev/nvme0n1", number: 3 });
  assert.equal(splitPartition("/dev/sdb"), null);
  assert.equal(splitPartition("/dev/nvme0n1"), null);
  assert.equal(splitPartition("/dev/loop2"), null);
});

const CONFIG = {
  system_disks: [{ device: "/dev/sda" }],
  journal_devices: [
    { device: "/dev/nvme0n1", partition_id: 1 },
    { device: "/dev/nvme1n1" },
  ],
  osd_config: [
    {
      is_lvm: false,
      dev_path: "/dev/sdc",
      journal_path: "/dev/nvme2n1p1",
      rdb_path: "/dev/nvme2n1p2",
    },
    { is_lvm: true, dev_path: "/dev/sdd" },
  ],
};

Deno.test("osd_config matching: exact path, or the whole disk for non-LVM entries", () => {
  assert.equal(osdConfigFor("/dev/sdc", CONFIG)?.rdb_path, "/dev/nvme2n1p2");
  assert.equal(osdConfigFor("/dev/sdc2", CONFIG)?.dev_path, "/dev/sdc");
  assert.equal(osdConfigFor("/dev/sdd1", CONFIG), null, "LVM entries match exactly");
  assert.equal(osdConfigFor("/dev/sde", CONFIG), null);
});

Deno.test("system and journal disks, including their partitions", () => {
  assert.ok(isConfiguredSystemDisk("/dev/sda", CONFIG));
  assert.ok(isConfiguredSystemDisk("/dev/sda2", CONFIG));
  assert.ok(!isConfiguredSystemDisk("/dev/sdb", CONFIG));
  assert.ok(isJournalDevice("/dev/nvme0n1p4", CONFIG));
  assert.ok(!isJournalDevice("/dev/sdb", CONFIG));
});

Deno.test("WAL/DB choice: osd_config paths, a free partition_id, else a new partition", () => {
  const host = {
    partitionCount: (d: string) => (d === "/dev/nvme0n1" ? 4 : 1),
    inUse: new Set<string>(),
  };
  assert.deepEqual(chooseWalDb("/dev/sdc", CONFIG, host), {
    wal: "/dev/nvme2n1p1",
    db: "/dev/nvme2n1p2",
    createWalOn: null,
    reason: "osd_config of the device",
  });
  assert.equal(chooseWalDb("/dev/sde", CONFIG, host).wal, "/dev/nvme0n1p1");
  const used = chooseWalDb("/dev/sde", CONFIG, { ...host, inUse: new Set(["/dev/nvme0n1p1"]) });
  assert.equal(used.wal, null);
  assert.equal(used.createWalOn, "/dev/nvme1n1", "the least used journal device (B-57)");
  assert.equal(chooseWalDb("/dev/sde", { osd_config: [] }, host).reason, "no journal devices");
});
