import assert from "node:assert/strict";
import type { BlockDisk } from "../inventory/model.ts";
import { formatDisksTable } from "./disks.ts";

const DISK: BlockDisk = {
  name: "sdb",
  path: "/dev/sdb",
  devno: "8:16",
  sizeBytes: 4000787030016,
  rotational: true,
  removable: false,
  readOnly: false,
  type: "ROTATIONAL",
  identity: {
    model: "ST4000",
    serial: "Z1",
    wwn: "0x5000c500aa",
    byIdPath: null,
    key: "wwn:0x5000c500aa",
  },
  fs: { type: null, uuid: null, label: null },
  mounts: [],
  partitions: [{
    name: "sdb1",
    path: "/dev/sdb1",
    devno: "8:17",
    number: 1,
    start: 2048,
    sizeBytes: 1024 * 1024 * 1024,
    fs: { type: "xfs", uuid: "u", label: "osd" },
    mounts: [{
      id: 1,
      devno: "8:17",
      source: "/dev/sdb1",
      mountpoint: "/var/lib/ceph/osd/ceph-1",
      fsType: "xfs",
      options: ["ro"],
      superOptions: ["ro"],
      readOnly: true,
      mountReadOnly: true,
    }],
  }],
  backingFile: null,
  systemReason: null,
};

Deno.test("formatDisksTable lists disks, partitions, skipped devices and warnings", () => {
  const text = formatDisksTable({
    disks: [DISK, {
      ...DISK,
      name: "vda",
      path: "/dev/vda",
      partitions: [],
      systemReason: "holds / (vda)",
    }],
    skipped: [{ name: "loop0", path: "/dev/loop0", reason: "loop device" }],
    warnings: ['Cannot open "/dev/vda" for probing: EPERM'],
  });
  const lines = text.split("\n");
  assert.match(
    lines[0]!,
    /^DEVICE\s+TYPE\s+SIZE\s+FSTYPE\s+LABEL\s+MOUNTPOINTS\s+IDENTITY\s+SYSTEM$/,
  );
  assert.match(lines[1]!, /^\/dev\/sdb\s+ROTATIONAL\s+3\.6T\s+wwn:0x5000c500aa$/);
  assert.match(
    lines[2]!,
    /^ {2}\/dev\/sdb1\s+part\s+1\.0G\s+xfs\s+osd\s+\/var\/lib\/ceph\/osd\/ceph-1 \(ro\)$/,
  );
  assert.match(lines[3]!, /holds \/ \(vda\)$/);
  assert.equal(lines[4], "skipped /dev/loop0: loop device");
  assert.equal(lines[5], 'warning: Cannot open "/dev/vda" for probing: EPERM');
});
