import assert from "node:assert/strict";
import type { Backend } from "../backend/types.ts";
import { checkDevicePath, DiskService, identityMatches } from "./disk_service.ts";
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

Deno.test("a disk that is gone resolves by the identity last seen at its path (B-24)", async () => {
  const service = new DiskService({
    backend: {} as Backend,
    inventory: { list: () => Promise.resolve([]) },
    seenAt: (path) => (path === "/dev/sdc" ? [ID] : []),
  });
  const gone = { requireIdentity: true, allowAbsent: true, osdId: 4 };
  const r = await service.resolve("/dev/sdc", "ZA1234", gone);
  assert.equal(r.disk, null);
  assert.deepEqual(r.ref, { path: "/dev/sdc", identity: "ZA1234", osdId: 4 });
  await assert.rejects(
    service.resolve("/dev/sdc", "serial:OTHER", gone),
    (e: unknown) => e instanceof ApiError && e.status === 412 && /last seen there/.test(e.message),
  );
  await assert.rejects(
    service.resolve("/dev/sdc", undefined, { ...gone, requireIdentity: false }),
    (e: unknown) => e instanceof ApiError && e.status === 400,
  );
  // Never seen here: the backend decides from the cluster metadata.
  assert.equal((await service.resolve("/dev/sdd", "serial:X", gone)).ref.identity, "serial:X");
  // Without allowAbsent (add) an unknown disk stays 404.
  await assert.rejects(
    service.resolve("/dev/sdc", "ZA1234", { requireIdentity: true }),
    (e: unknown) => e instanceof ApiError && e.status === 404,
  );
});

Deno.test("list shows the slot of a destroyed OSD whose disk is gone (awaiting a replacement)", async () => {
  const service = new DiskService({
    backend: {
      listDisks: () =>
        Promise.resolve([
          {
            path: "/dev/sdb",
            role: { kind: "osd", osdId: 1, up: true, in: true, destroyed: false },
          },
          {
            path: "/dev/sdc",
            role: { kind: "osd", osdId: 2, up: false, in: false, destroyed: true },
          },
        ]),
    } as unknown as Backend,
    inventory: {
      list: () =>
        Promise.resolve([{
          path: "/dev/sdb",
          type: "ROTATIONAL",
          sizeBytes: 1,
          partitions: [],
          systemReason: null,
          identity: { ...ID, key: "serial:SB", serial: "SB" },
        }] as never),
    },
  });
  const list = await service.list();
  assert.deepEqual(
    list.map((d) => [d.dev_path, d.state, d.role?.kind, d.role?.destroyed ?? false]),
    [
      ["/dev/sdb", "unknown", "osd", false],
      ["/dev/sdc", "gone", "osd", true],
    ],
  );
});
