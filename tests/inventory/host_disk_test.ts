/**
 * The real host: the disk holding / is a system disk (read-only sysfs/mountinfo
 * inspection only: the test never opens the host disk, not even to read its superblock).
 */
import assert from "node:assert/strict";
import { SafetyError } from "../../src/errors.ts";
import { assertNotSystemDisk, discoverDisks, parseMountinfo } from "../../src/inventory/mod.ts";

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

Deno.test({
  name: "this host's /dev/vda (virtio, holds /) is a VIRTUAL system disk",
  ignore: !exists("/sys/block/vda"),
  async fn() {
    const r = await discoverDisks({ devices: ["/dev/vda"], probeFilesystems: false });
    assert.equal(r.disks.length, 1);
    const vda = r.disks[0]!;
    assert.equal(vda.type, "VIRTUAL");
    assert.match(vda.systemReason ?? "", /holds \/ \(vda\d*\)/);
    assert.throws(() => assertNotSystemDisk(vda), (err: unknown) => {
      assert.ok(err instanceof SafetyError);
      assert.match(err.message, /^Refusing to touch "\/dev\/vda": it is a system disk \(holds \//);
      return true;
    });
  },
});

Deno.test("the disk under / (from mountinfo and /sys/dev/block) is marked a system disk", async () => {
  const root = parseMountinfo(await Deno.readTextFile("/proc/self/mountinfo"))
    .filter((m) => m.mountpoint === "/").pop()!;
  let name: string;
  try {
    name = (await Deno.realPath(`/sys/dev/block/${root.devno}`)).split("/").pop()!;
  } catch {
    return; // / is not on a block device here (overlay, tmpfs): nothing to check
  }
  const partition = exists(`/sys/dev/block/${root.devno}/partition`);
  const disk = partition
    ? (await Deno.realPath(`/sys/dev/block/${root.devno}/..`)).split("/").pop()!
    : name;
  const { disks } = await discoverDisks({ probeFilesystems: false });
  const found = disks.find((d) => d.name === disk);
  assert.ok(found, `disk ${disk} holding / is discovered`);
  assert.match(found.systemReason ?? "", /holds \/ /);
});
