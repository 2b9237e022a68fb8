import assert from "node:assert/strict";
import { ParseError } from "../../errors.ts";
import { GPT, parseSgdiskInfo, readOsdDeviceLinks } from "./gpt.ts";
import { renderCommand } from "./commands.ts";

const INFO = `Partition GUID code: 5CE17FCE-4087-4169-B7FF-056CC58473F9 (Unknown)
Partition unique GUID: 35FB13A8-3F41-4E7C-89A6-D5CC48276A62
First sector: 34816 (at 17.0 MiB)
Last sector: 51199 (at 25.0 MiB)
Partition size: 16384 sectors (8.0 MiB)
Attribute flags: 0000000000000000
Partition name: 'ceph_wal'
`;

Deno.test("sgdisk --info: entry, missing partition, garbage", () => {
  assert.deepEqual(parseSgdiskInfo(INFO, 3), {
    number: 3,
    partUuid: "35fb13a8-3f41-4e7c-89a6-d5cc48276a62",
    typeGuid: "5ce17fce-4087-4169-b7ff-056cc58473f9",
    name: "ceph_wal",
  });
  assert.equal(parseSgdiskInfo("Partition #5 does not exist.\n", 5), null);
  assert.throws(() => parseSgdiskInfo("Problem opening /dev/x\n", 1), ParseError);
});

Deno.test("GPT commands name the disk and number (NVMe)", () => {
  assert.equal(renderCommand(GPT.delete("/dev/nvme0n1", 3)), "sgdisk --delete=3 /dev/nvme0n1");
  assert.equal(renderCommand(GPT.kernelDrop("/dev/nvme0n1", 3)), "partx -d --nr 3 /dev/nvme0n1");
  assert.equal(renderCommand(GPT.info("/dev/sdk", 1)), "sgdisk --info=1 /dev/sdk");
});

Deno.test("OSD dir links: all dirs scanned, dangling and relative links, files skipped", () => {
  const root = Deno.makeTempDirSync();
  try {
    for (const d of ["ceph-0", "ceph-1", "ceph-2", "lost+found"]) Deno.mkdirSync(`${root}/${d}`);
    Deno.writeTextFileSync(`${root}/ceph-0/journal`, "file journal");
    Deno.writeTextFileSync(`${root}/target`, "");
    Deno.symlinkSync("../target", `${root}/ceph-1/block.db`);
    Deno.symlinkSync("/dev/disk/by-partuuid/nope", `${root}/ceph-2/block.wal`);
    const links = readOsdDeviceLinks(root).sort((a, b) => a.osdId - b.osdId);
    assert.deepEqual(links, [
      {
        osdId: 1,
        name: "block.db",
        target: "../target",
        resolved: Deno.realPathSync(`${root}/target`),
      },
      { osdId: 2, name: "block.wal", target: "/dev/disk/by-partuuid/nope", resolved: null },
    ]);
    assert.deepEqual(readOsdDeviceLinks(`${root}/missing`), []);
  } finally {
    Deno.removeSync(root, { recursive: true });
  }
});
