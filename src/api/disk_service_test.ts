import assert from "node:assert/strict";
import { checkDevicePath, identityMatches } from "./disk_service.ts";
import { ApiError } from "./problem.ts";

const ID = {
  model: "M",
  serial: "ZA1234",
  wwn: "0x5000c500a1b2c3d4",
  byIdPath: null,
  key: "wwn:0x5000c500a1b2c3d4",
};

Deno.test("identityMatches accepts the key, bare serial/WWN, any case, with or without 0x", () => {
  for (
    const g of [
      "wwn:0x5000c500a1b2c3d4",
      "0x5000C500A1B2C3D4",
      "5000c500a1b2c3d4",
      "wwn:5000c500a1b2c3d4",
      "naa.5000c500a1b2c3d4",
      "ZA1234",
      "serial:za1234",
      " ZA1234 ",
    ]
  ) assert.equal(identityMatches(g, ID), true, g);
  for (const g of ["", "ZA123", "serial:ZA12345", "wwn:0x5000c500a1b2c3d5", "path:/dev/sdb"]) {
    assert.equal(identityMatches(g, ID), false, g);
  }
});

Deno.test("checkDevicePath accepts /dev names and by-id links only", () => {
  for (
    const ok of ["/dev/sdb", "/dev/nvme0n1", "/dev/loop3", "/dev/disk/by-id/wwn-0x5000c500a1b2c3d4"]
  ) {
    checkDevicePath(ok);
  }
  for (
    const bad of [
      "/dev/../etc/passwd",
      "/dev/sdb;reboot",
      "/dev/$(id)",
      "/dev/sd b",
      "/dev/",
      "/etc/passwd",
      "dev/sdb",
      "/dev/disk/by-id/../../sda",
      "/dev/sdb\n",
      "/dev/" + "a".repeat(65),
    ]
  ) {
    assert.throws(
      () => checkDevicePath(bad),
      (e: unknown) => e instanceof ApiError && e.status === 400,
      bad,
    );
  }
});
