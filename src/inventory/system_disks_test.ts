import assert from "node:assert/strict";
import type { Mount } from "./model.ts";
import type { SysBlockDevice } from "./sysfs.ts";
import { BlockGraph, findSystemDisks, longestPrefixMount } from "./system_disks.ts";

function dev(name: string, devno: string, over: Partial<SysBlockDevice> = {}): SysBlockDevice {
  return {
    name,
    devno,
    sizeSectors: 1000,
    rotational: true,
    removable: false,
    readOnly: false,
    vendor: null,
    model: null,
    serials: [],
    vpdSerial: null,
    wwids: [],
    backingFile: null,
    partitions: [],
    holders: [],
    slaves: [],
    ...over,
  };
}

function mount(devno: string, mountpoint: string, source = "/dev/x"): Mount {
  return {
    id: 1,
    devno,
    source,
    mountpoint,
    fsType: "ext4",
    options: [],
    superOptions: [],
    readOnly: false,
    mountReadOnly: false,
  };
}

const part = (name: string, devno: string, number: number, holders: string[] = []) => ({
  name,
  devno,
  number,
  start: 2048,
  sizeSectors: 100,
  holders,
});

Deno.test("BlockGraph follows partitions to parents and dm holders down to disks", () => {
  const g = new BlockGraph([
    dev("sda", "8:0", { partitions: [part("sda1", "8:1", 1), part("sda2", "8:2", 2, ["dm-1"])] }),
    dev("dm-1", "253:1"), // no slaves/ listed: the holder edge alone must be enough
  ]);
  assert.deepEqual(g.baseDisks("sda1"), [{ disk: "sda", chain: ["sda1"] }]);
  assert.deepEqual(g.baseDisks("dm-1"), [
    { disk: "dm-1", chain: ["dm-1"] },
    { disk: "sda", chain: ["dm-1", "sda2"] },
  ]);
  assert.equal(g.byDevno.get("8:2"), "sda2");
});

Deno.test("findSystemDisks on an MBR disk with root on a partition and a partition swap", () => {
  const devices = [
    dev("sda", "8:0", { partitions: [part("sda1", "8:1", 1), part("sda5", "8:5", 5)] }),
    dev("sdb", "8:16"),
  ];
  const got = findSystemDisks({
    devices,
    mounts: [mount("8:1", "/"), mount("8:16", "/data")],
    swaps: [{ filename: "/dev/sda5", type: "partition", sizeKiB: 1, usedKiB: 0, priority: -2 }],
    resolveName: (p) => p.split("/").pop() ?? null,
  });
  assert.deepEqual([...got], [["sda", "holds / (sda1); holds swap (sda5)"]]);
});

Deno.test("findSystemDisks resolves anonymous-devno mounts (btrfs) by source", () => {
  const got = findSystemDisks({
    devices: [dev("nvme1n1", "259:5", { partitions: [part("nvme1n1p2", "259:7", 2)] })],
    mounts: [mount("0:41", "/", "/dev/nvme1n1p2")],
    swaps: [],
    resolveName: (p) => p.split("/").pop() ?? null,
  });
  assert.equal(got.get("nvme1n1"), "holds / (nvme1n1p2)");
});

Deno.test("longestPrefixMount picks the deepest mount containing a file", () => {
  const ms = [
    mount("1:1", "/"),
    mount("1:2", "/var"),
    mount("1:3", "/var/lib"),
    mount("1:4", "/variant"),
  ];
  assert.equal(longestPrefixMount(ms, "/var/lib/swap")?.devno, "1:3");
  assert.equal(longestPrefixMount(ms, "/variant2/x")?.devno, "1:1");
  assert.equal(longestPrefixMount(ms, "/var")?.devno, "1:2");
  assert.equal(longestPrefixMount([], "/x"), null);
});
