import { strictEqual } from "node:assert/strict";
import { fakeDisk } from "../../tests/machine/fakes.ts";
import { fsTarget, osdEvidence, reformatRefusal, smartOnlyReason } from "./guards.ts";

Deno.test("fsTarget: whole-disk fs, else the only partition with a filesystem", () => {
  const d = fakeDisk("sdb");
  strictEqual(fsTarget(d)?.device, "/dev/sdb");
  const p = fakeDisk("sdc", { fsType: null });
  strictEqual(fsTarget(p), null);
  p.partitions.push({
    name: "sdc1",
    path: "/dev/sdc1",
    devno: "8:33",
    number: 1,
    start: 2048,
    sizeBytes: 1 << 20,
    fs: { type: "xfs", uuid: null, label: null },
    mounts: [],
  });
  strictEqual(fsTarget(p)?.device, "/dev/sdc1");
});

Deno.test("smartOnlyReason: system disks, OSDs and unknown filesystems are never touched", () => {
  strictEqual(smartOnlyReason(fakeDisk("sdb"), { isOsd: false }), null);
  strictEqual(
    smartOnlyReason(fakeDisk("vda", { systemReason: "holds /" }), { isOsd: false })?.startsWith(
      "system disk",
    ),
    true,
  );
  strictEqual(
    smartOnlyReason(fakeDisk("sdb", { fsType: "ceph_bluestore" }), { isOsd: false })?.includes(
      "OSD",
    ),
    true,
  );
  strictEqual(smartOnlyReason(fakeDisk("sdb"), { isOsd: true })?.includes("backend"), true);
  strictEqual(
    smartOnlyReason(fakeDisk("sdb", { fsType: "btrfs" }), { isOsd: false })?.includes("btrfs"),
    true,
  );
  strictEqual(
    osdEvidence(fakeDisk("sdb", { mountpoint: "/var/lib/ceph/osd/ceph-3" })),
    "it is mounted at /var/lib/ceph/osd/ceph-3",
  );
});

Deno.test("reformatRefusal: off by default; never OSD, system disk or unknown fs (B-13/B-14)", () => {
  const base = { allowReformat: true, disk: fakeDisk("sdb"), isOsd: false, fsType: "ext4" };
  strictEqual(reformatRefusal(base), null);
  strictEqual(reformatRefusal({ ...base, allowReformat: false })?.includes("disabled"), true);
  strictEqual(reformatRefusal({ ...base, disk: null }), "the disk is gone");
  strictEqual(
    reformatRefusal({ ...base, disk: fakeDisk("sda", { systemReason: "holds /boot" }) })?.includes(
      "system disk",
    ),
    true,
  );
  strictEqual(reformatRefusal({ ...base, isOsd: true })?.includes("OSD"), true);
  strictEqual(
    reformatRefusal({ ...base, disk: fakeDisk("sdb", { mountpoint: "/var/lib/ceph/osd/ceph-1" }) })
      ?.includes("OSD"),
    true,
  );
  strictEqual(reformatRefusal({ ...base, fsType: null })?.includes("unknown"), true);
  strictEqual(reformatRefusal({ ...base, fsType: "btrfs" })?.includes("btrfs"), true);
});
