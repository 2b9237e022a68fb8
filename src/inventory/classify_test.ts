import assert from "node:assert/strict";
import { classifyDisk, defaultSkipReason } from "./classify.ts";

function t(
  name: string,
  rotational: boolean | null,
  vendor: string | null = null,
  model: string | null = null,
) {
  return classifyDisk({ name, rotational, vendor, model });
}

Deno.test("classifyDisk maps names and flags to DiskType in order", () => {
  assert.equal(t("loop3", false), "LOOPBACK");
  assert.equal(t("ram0", false), "RAM");
  assert.equal(t("md127", false), "MDRAID");
  assert.equal(t("dm-0", false), "LVM");
  assert.equal(t("nvme0n1", false), "NVME");
  assert.equal(t("vda", true), "VIRTUAL");
  assert.equal(t("vdb", false, "0x1af4"), "VIRTUAL");
  assert.equal(t("sda", true, "QEMU", "QEMU HARDDISK"), "VIRTUAL");
  assert.equal(t("sdb", false, "ATA", "QEMU HARDDISK"), "VIRTUAL");
  assert.equal(t("sdc", false, "ATA", "Samsung SSD 860"), "SOLID_STATE");
  assert.equal(t("sdd", true, "ATA", "ST2000DM001"), "ROTATIONAL");
  assert.equal(t("sde", null, "ATA", "X"), "UNKNOWN");
});

Deno.test("defaultSkipReason skips loop, ram, zram, optical and dm by default", () => {
  assert.match(defaultSkipReason("loop0")!, /loop device/);
  assert.equal(defaultSkipReason("loop0", { includeLoop: true }), null);
  assert.match(defaultSkipReason("ram1")!, /RAM/);
  assert.match(defaultSkipReason("zram0")!, /zram/);
  assert.match(defaultSkipReason("sr0")!, /optical/);
  assert.match(defaultSkipReason("dm-2")!, /device-mapper/);
  assert.equal(defaultSkipReason("sda"), null);
  assert.equal(defaultSkipReason("nvme0n1"), null);
  assert.equal(defaultSkipReason("md0"), null);
});
