/**
 * discoverDisks and system-disk detection on synthetic sysfs trees (through Roots):
 * NVMe p-partitions, MBR with logical partitions, dm and md stacking, swap partitions and
 * swap files, configured system_disks via by-id links.
 */
import assert from "node:assert/strict";
import { SafetyError } from "../../src/errors.ts";
import {
  assertNotSystemDisk,
  type BlockDisk,
  discoverDisks,
  type DiscoverOptions,
} from "../../src/inventory/mod.ts";
import { buildTree, type FakeHost } from "./_sysfs_tree.ts";

const VPD80 = new Uint8Array([0, 0x80, 0, 8, ...new TextEncoder().encode("VPDSER01")]);

const HOST: FakeHost = {
  disks: [
    {
      name: "nvme0n1",
      devno: "259:0",
      size: 2000409264,
      rotational: 0,
      device: { model: "Samsung SSD 970 EVO Plus 1TB           ", serial: "S4EWNX0M123456  " },
      attrs: { wwid: "eui.0025388B71B0E1D0" },
      partitions: [
        { name: "nvme0n1p1", devno: "259:1", number: 1, start: 2048, size: 1048576 },
        { name: "nvme0n1p2", devno: "259:2", number: 2, start: 1050624, size: 2097152 },
        {
          name: "nvme0n1p3",
          devno: "259:3",
          number: 3,
          start: 3147776,
          size: 1997261488,
          holders: ["dm-0"],
        },
      ],
    },
    { name: "dm-0", devno: "253:0", size: 1997261488, rotational: 0, slaves: ["nvme0n1p3"] },
    {
      name: "sda",
      devno: "8:0",
      size: 3907029168,
      rotational: 1,
      device: { vendor: "ATA     ", model: "ST2000DM001-1CH1" },
      partitions: [
        { name: "sda1", devno: "8:1", number: 1, start: 2048, size: 1000000 },
        { name: "sda2", devno: "8:2", number: 2, start: 1002048, size: 2 },
        { name: "sda5", devno: "8:5", number: 5, start: 1004096, size: 8388608 },
      ],
    },
    {
      name: "sdb",
      devno: "8:16",
      size: 1000000,
      rotational: 1,
      device: {
        vendor: "SEAGATE ",
        model: "ST4000NM0023",
        vpd_pg80: VPD80,
        wwid: "naa.5000C500AABBCCDD",
      },
      partitions: [{ name: "sdb1", devno: "8:17", number: 1, start: 2048, size: 997952 }],
    },
    {
      name: "sdc",
      devno: "8:32",
      size: 1000000,
      rotational: 1,
      partitions: [{
        name: "sdc1",
        devno: "8:33",
        number: 1,
        start: 2048,
        size: 997952,
        holders: ["md0"],
      }],
    },
    {
      name: "sdd",
      devno: "8:48",
      size: 1000000,
      rotational: 1,
      partitions: [{
        name: "sdd1",
        devno: "8:49",
        number: 1,
        start: 2048,
        size: 997952,
        holders: ["md0"],
      }],
    },
    { name: "md0", devno: "9:0", size: 995904, rotational: 1, slaves: ["sdc1", "sdd1"] },
    {
      name: "sde",
      devno: "8:64",
      size: 1000000,
      rotational: 0,
      partitions: [{ name: "sde1", devno: "8:65", number: 1, start: 2048, size: 997952 }],
    },
    {
      name: "sdf",
      devno: "8:80",
      size: 500000,
      rotational: 0,
      device: { vendor: "ATA", model: "INTEL SSDSC2BB48" },
    },
    { name: "sr0", devno: "11:0", size: 2097152, rotational: 1 },
    { name: "loop0", devno: "7:0", size: 131072, rotational: 1, backingFile: "/var/lib/img/a.img" },
    { name: "loop1", devno: "7:1", size: 0, rotational: 1 },
    { name: "zram0", devno: "252:0", size: 8000000, rotational: 0 },
  ],
  mountinfo: [
    "22 1 0:21 / /proc rw,relatime - proc proc rw",
    "26 1 253:0 / / rw,relatime - ext4 /dev/mapper/vg-root rw",
    "27 26 259:2 / /boot rw,relatime - ext4 /dev/nvme0n1p2 rw",
    "28 27 259:1 / /boot/efi rw,relatime - vfat /dev/nvme0n1p1 rw",
    "29 26 8:17 / /srv/data\\040one rw,relatime - xfs /dev/sdb1 rw",
    "30 26 9:0 / /srv/md rw,relatime - ext4 /dev/md0 rw",
    "31 26 8:80 / /srv/flash ro,relatime - ext4 /dev/sdf ro",
  ].join("\n"),
  swaps: "Filename\tType\tSize\tUsed\tPriority\n/dev/sda5 partition 4194300 0 -2\n" +
    "/srv/md/swapfile file 1048572 0 -3\n",
  udev: {
    "8:0": "S:disk/by-id/ata-ST2000DM001-1CH1_Z1E0ABCD\nE:ID_SERIAL=ST2000DM001-1CH1_Z1E0ABCD\n" +
      "E:ID_SERIAL_SHORT=Z1E0ABCD\nE:ID_WWN=0x5000c5006a1b2c3d\n",
  },
  byId: {
    "nvme-Samsung_SSD_970_EVO_Plus_1TB_S4EWNX0M123456": "../../nvme0n1",
    "nvme-eui.0025388b71b0e1d0": "../../nvme0n1",
    "nvme-eui.0025388b71b0e1d0-part1": "../../nvme0n1p1",
    "ata-CONFIGURED_SYSTEM-part1": "../../sde1",
  },
};

async function withHost(
  host: FakeHost,
  options: Omit<DiscoverOptions, "roots">,
  fn: (r: Awaited<ReturnType<typeof discoverDisks>>, dev: string) => void | Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "bynar-sysfs-" });
  try {
    const roots = buildTree(dir, host);
    const r = await discoverDisks({ roots, probeFilesystems: false, ...options });
    await fn(r, roots.dev);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

function byName(disks: BlockDisk[], name: string): BlockDisk {
  const d = disks.find((x) => x.name === name);
  assert.ok(d, `disk ${name} discovered`);
  return d;
}

Deno.test("system disks: NVMe p-partitions, dm stacking, MBR swap, md swap file, configured by-id", async () => {
  await withHost(HOST, { systemDisks: ["/dev/disk/by-id/ata-CONFIGURED_SYSTEM-part1"] }, (r) => {
    const nvme = byName(r.disks, "nvme0n1");
    assert.equal(
      nvme.systemReason,
      "holds / (dm-0 on nvme0n1p3); holds /boot (nvme0n1p2); holds /boot/efi (nvme0n1p1)",
    );
    assert.equal(byName(r.disks, "sda").systemReason, "holds swap (sda5)");
    assert.equal(
      byName(r.disks, "sdc").systemReason,
      "holds swap file /srv/md/swapfile (md0 on sdc1)",
    );
    assert.equal(
      byName(r.disks, "sdd").systemReason,
      "holds swap file /srv/md/swapfile (md0 on sdd1)",
    );
    assert.equal(byName(r.disks, "md0").systemReason, "holds swap file /srv/md/swapfile (md0)");
    assert.equal(
      byName(r.disks, "sde").systemReason,
      "listed in system_disks (/dev/disk/by-id/ata-CONFIGURED_SYSTEM-part1)",
    );
    assert.equal(byName(r.disks, "sdb").systemReason, null);
    assert.equal(byName(r.disks, "sdf").systemReason, null);
  });
});

Deno.test("system_disks by exact path marks the disk; without config sde is not a system disk", async () => {
  await withHost(HOST, { systemDisks: ["/dev/sdf"] }, (r) => {
    assert.equal(byName(r.disks, "sdf").systemReason, "listed in system_disks (/dev/sdf)");
    assert.equal(byName(r.disks, "sde").systemReason, null);
  });
});

Deno.test("assertNotSystemDisk refuses a system disk with a clear SafetyError", async () => {
  await withHost(HOST, {}, (r) => {
    const nvme = byName(r.disks, "nvme0n1");
    assert.throws(() => assertNotSystemDisk(nvme), (err: unknown) => {
      assert.ok(err instanceof SafetyError);
      assert.equal(err.code, "system_disk");
      assert.equal(err.device, nvme.path);
      assert.match(
        err.message,
        /^Refusing to touch ".*\/nvme0n1": it is a system disk \(holds \/ \(dm-0/,
      );
      return true;
    });
    assertNotSystemDisk(byName(r.disks, "sdb"));
  });
});

Deno.test("types, sizes, partitions and mounts come from sysfs and mountinfo", async () => {
  await withHost(HOST, {}, (r, dev) => {
    const nvme = byName(r.disks, "nvme0n1");
    assert.equal(nvme.type, "NVME");
    assert.equal(nvme.sizeBytes, 2000409264 * 512);
    assert.deepEqual(nvme.partitions.map((p) => [p.name, p.number, p.start, p.sizeBytes]), [
      ["nvme0n1p1", 1, 2048, 1048576 * 512],
      ["nvme0n1p2", 2, 1050624, 2097152 * 512],
      ["nvme0n1p3", 3, 3147776, 1997261488 * 512],
    ]);
    assert.deepEqual(nvme.partitions.map((p) => p.mounts.map((m) => m.mountpoint)), [
      ["/boot/efi"],
      ["/boot"],
      [],
    ]);
    assert.equal(nvme.partitions[0]!.path, `${dev}/nvme0n1p1`);
    const sda = byName(r.disks, "sda");
    assert.equal(sda.type, "ROTATIONAL");
    assert.deepEqual(sda.partitions.map((p) => p.number), [1, 2, 5]);
    assert.equal(byName(r.disks, "sdb").partitions[0]!.mounts[0]!.mountpoint, "/srv/data one");
    const sdf = byName(r.disks, "sdf");
    assert.equal(sdf.type, "SOLID_STATE");
    assert.equal(sdf.mounts[0]!.readOnly, true);
    assert.equal(byName(r.disks, "md0").type, "MDRAID");
  });
});

Deno.test("identity: udev WWN, sysfs wwid/eui, VPD serial, by-id choice", async () => {
  await withHost(HOST, {}, (r, dev) => {
    const sda = byName(r.disks, "sda").identity;
    assert.deepEqual(sda, {
      model: "ST2000DM001-1CH1",
      serial: "Z1E0ABCD",
      wwn: "0x5000c5006a1b2c3d",
      byIdPath: `${dev}/disk/by-id/ata-ST2000DM001-1CH1_Z1E0ABCD`,
      key: "wwn:0x5000c5006a1b2c3d",
    });
    const nvme = byName(r.disks, "nvme0n1").identity;
    assert.equal(nvme.model, "Samsung SSD 970 EVO Plus 1TB");
    assert.equal(nvme.serial, "S4EWNX0M123456");
    assert.equal(nvme.key, "wwn:eui.0025388b71b0e1d0");
    assert.equal(
      nvme.byIdPath,
      `${dev}/disk/by-id/nvme-Samsung_SSD_970_EVO_Plus_1TB_S4EWNX0M123456`,
    );
    const sdb = byName(r.disks, "sdb").identity;
    assert.equal(sdb.serial, "VPDSER01");
    assert.equal(sdb.key, "wwn:0x5000c500aabbccdd");
    assert.equal(byName(r.disks, "sdc").identity.key, `path:${dev}/sdc`);
  });
});

Deno.test("default skips: loop, optical, dm, zram with reasons; includeLoop keeps attached loops", async () => {
  await withHost(HOST, {}, (r) => {
    const reasons = Object.fromEntries(r.skipped.map((s) => [s.name, s.reason]));
    assert.match(reasons["loop0"]!, /loop device/);
    assert.match(reasons["sr0"]!, /optical/);
    assert.match(reasons["dm-0"]!, /device-mapper/);
    assert.match(reasons["zram0"]!, /zram/);
    assert.ok(!r.disks.some((d) => /^(loop|sr|dm-|zram)/.test(d.name)));
  });
  await withHost(HOST, { includeLoop: true, statFile: () => ({ dev: 2049, ino: 4242 }) }, (r) => {
    const loop = byName(r.disks, "loop0");
    assert.equal(loop.type, "LOOPBACK");
    assert.equal(loop.backingFile, "/var/lib/img/a.img");
    assert.equal(loop.identity.key, "serial:LOOP-2049-4242");
    assert.equal(r.skipped.find((s) => s.name === "loop1")?.reason, "loop device not attached");
  });
});

Deno.test("devices restricts discovery; a partition selects its disk; unknown paths are reported", async () => {
  await withHost(HOST, { devices: ["/dev/sdb1", "/dev/sdf", "/dev/nope"] }, (r) => {
    assert.deepEqual(r.disks.map((d) => d.name), ["sdb", "sdf"]);
    assert.deepEqual(r.skipped.map((s) => s.name), ["nope"]);
    assert.match(r.skipped[0]!.reason, /not found/);
  });
});

Deno.test("filesystems come from the injected probe; partitions without a node probe a region", async () => {
  const calls: string[] = [];
  const dir = await Deno.makeTempDir({ prefix: "bynar-sysfs-" });
  try {
    const roots = buildTree(dir, HOST);
    await Deno.remove(`${roots.dev}/sdb1`);
    const r = await discoverDisks({
      roots,
      devices: ["/dev/sdb", "/dev/sdf"],
      probe: (path, region) => {
        calls.push(`${path.slice(roots.dev.length)}@${region?.offset ?? 0}+${region?.size ?? 0}`);
        if (path.endsWith("/sdf")) {
          return Promise.resolve({
            type: "ext4",
            uuid: "u-1",
            label: "flash",
            usage: "filesystem",
          });
        }
        if (region?.offset === 2048 * 512) {
          return Promise.resolve({ type: "xfs", uuid: "u-2", label: null, usage: "filesystem" });
        }
        return Promise.reject(new Error("unreadable"));
      },
    });
    assert.deepEqual(byName(r.disks, "sdf").fs, { type: "ext4", uuid: "u-1", label: "flash" });
    assert.deepEqual(byName(r.disks, "sdb").partitions[0]!.fs, {
      type: "xfs",
      uuid: "u-2",
      label: null,
    });
    assert.deepEqual(byName(r.disks, "sdb").fs, { type: null, uuid: null, label: null });
    assert.ok(calls.includes(`/sdb@${2048 * 512}+${997952 * 512}`), calls.join(","));
    assert.deepEqual(r.warnings, ["unreadable"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("discoverDisks fails clearly when mountinfo is missing (system disks unknowable)", async () => {
  const dir = await Deno.makeTempDir({ prefix: "bynar-sysfs-" });
  try {
    const roots = buildTree(dir, HOST);
    await Deno.remove(`${roots.proc}/self/mountinfo`);
    await assert.rejects(
      discoverDisks({ roots, probeFilesystems: false }),
      /Cannot discover disks: cannot read/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loop_devices allow-list: only listed loop devices (path or backing-file glob), other disks unchanged", async () => {
  const stat = { statFile: () => ({ dev: 2049, ino: 4242 }) };
  for (const allow of [["/dev/loop0"], ["/var/lib/img/*.img"], ["/var/**/a.img"]]) {
    await withHost(HOST, { loopDevices: allow, ...stat }, (r) => {
      assert.ok(r.disks.some((d) => d.name === "loop0"), allow.join(","));
      assert.ok(r.disks.some((d) => d.name === "sdf"), "other disks are not affected");
    });
  }
  for (const allow of [["/dev/loop3"], ["/var/lib/img/b*.img"], []]) {
    await withHost(HOST, { loopDevices: allow, includeLoop: true, ...stat }, (r) => {
      assert.ok(!r.disks.some((d) => d.name === "loop0"), allow.join(","));
      assert.equal(
        r.skipped.find((s) => s.name === "loop0")?.reason,
        "loop device not in the loop_devices allow-list",
      );
    });
  }
});
