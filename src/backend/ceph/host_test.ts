import assert from "node:assert/strict";
import { createCephHost } from "./host.ts";
import { VOLUME } from "./commands.ts";
import { CommandError } from "../../errors.ts";
import type { CommandRunner } from "../../process/run.ts";

const FIX = new URL("../../../../shared/fixtures/ceph-pacific/", import.meta.url);
function fx(n: string): string {
  return Deno.readTextFileSync(new URL(n, FIX));
}

function replay(
  out: { code: number; stdout?: string; stderr?: string },
): CommandRunner & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    run: (cmd, args) => {
      calls.push([cmd, ...args]);
      return Promise.resolve({
        code: out.code,
        signal: null,
        stdout: out.stdout ?? "",
        stderr: out.stderr ?? "",
      });
    },
  };
}

const VOL = { confPath: "/etc/ceph/ceph.conf" };

Deno.test("lvm create on a host without device-mapper fails with the tool's own reason", async () => {
  const runner = replay({ code: 1, stderr: fx("lvm-create-failure.txt") });
  const host = createCephHost({ runner, volume: VOL, systemDisks: [] });
  await assert.rejects(
    host.exec(VOLUME.prepare("/dev/sdb", { ...VOL, mode: "lvm", osdId: 0 })),
    (e: unknown) =>
      e instanceof CommandError && e.exitCode === 1 &&
      /Unable to find any LV for zapping OSD: 0/.test(e.message) &&
      /device-mapper/.test(e.stderr),
  );
  assert.deepEqual(runner.calls[0], [
    "ceph-volume",
    "lvm",
    "prepare",
    "--bluestore",
    "--data",
    "/dev/sdb",
    "--osd-id",
    "0",
  ]);
});

Deno.test("label: raw list of one device, blank after zap, lvm 'no valid' means blank", async () => {
  const raw = createCephHost({
    runner: replay({ code: 0, stdout: fx("32-ceph-volume-raw-list-new.json") }),
    volume: VOL,
    systemDisks: [],
  });
  assert.equal((await raw.label("/dev/loop1", "raw"))?.osdId, 1);
  const zapped = createCephHost({
    runner: replay({ code: 0, stdout: fx("31-ceph-volume-raw-list-after-zap.json") }),
    volume: VOL,
    systemDisks: [],
  });
  assert.equal(await zapped.label("/dev/loop1", "raw"), null);
  const lvm = createCephHost({
    runner: replay({ code: 1, stderr: "-->  RuntimeError: No valid ceph lvm devices found" }),
    volume: VOL,
    systemDisks: [],
  });
  assert.equal(await lvm.label("/dev/sdb", "lvm"), null);
});

Deno.test("system disk detection from a captured mountinfo and swaps (fixture roots)", async () => {
  const root = await Deno.makeTempDir();
  try {
    await Deno.mkdir(`${root}/sys/class/block/vda`, { recursive: true });
    await Deno.writeTextFile(`${root}/sys/class/block/vda/dev`, "254:0\n");
    await Deno.mkdir(`${root}/sys/class/block/sdb`, { recursive: true });
    await Deno.writeTextFile(`${root}/sys/class/block/sdb/dev`, "8:16\n");
    await Deno.mkdir(`${root}/sys/class/block/sdc`, { recursive: true });
    await Deno.writeTextFile(`${root}/sys/class/block/sdc/dev`, "8:32\n");
    await Deno.mkdir(`${root}/proc/self`, { recursive: true });
    await Deno.writeTextFile(
      `${root}/proc/self/mountinfo`,
      "22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw\n",
    );
    await Deno.writeTextFile(
      `${root}/proc/swaps`,
      "Filename\tType\tSize\tUsed\tPriority\n/dev/sdc\tpartition\t1024\t0\t-2\n",
    );
    const host = createCephHost({
      runner: replay({ code: 0 }),
      volume: VOL,
      systemDisks: [],
      sysRoot: `${root}/sys`,
      procRoot: `${root}/proc`,
    });
    assert.equal(await host.systemReason("/dev/vda"), "holds /");
    assert.equal(await host.systemReason("/dev/sdc"), "holds swap");
    assert.equal(await host.systemReason("/dev/sdb"), null);
    const configured = createCephHost({
      runner: replay({ code: 0 }),
      volume: VOL,
      systemDisks: ["/dev/sdb"],
      sysRoot: `${root}/sys`,
      procRoot: `${root}/proc`,
    });
    assert.equal(await configured.systemReason("/dev/sdb"), "listed in system_disks");
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
