import { strictEqual } from "node:assert/strict";
import { fakeDisk } from "../../tests/machine/fakes.ts";
import { backendOsdCheck } from "./osd_check.ts";

Deno.test("backendOsdCheck: OSD and journal disks (or their partitions) are OSDs; one list per check", async () => {
  let calls = 0;
  const check = backendOsdCheck({
    listDisks: () => {
      calls++;
      return Promise.resolve([
        { path: "/dev/sdb", role: { kind: "osd", osdId: 3, up: true, in: true, destroyed: false } },
        { path: "/dev/sdc1", role: { kind: "journal" } },
        { path: "/dev/sdd", role: { kind: "none" } },
      ]);
    },
  });
  strictEqual(await check.isOsd(fakeDisk("sdb")), true);
  const sdc = fakeDisk("sdc", { fsType: null });
  sdc.partitions.push({
    name: "sdc1",
    path: "/dev/sdc1",
    devno: "8:33",
    number: 1,
    start: 2048,
    sizeBytes: 1,
    fs: { type: null, uuid: null, label: null },
    mounts: [],
  });
  strictEqual(await check.isOsd(sdc), true);
  strictEqual(await check.isOsd(fakeDisk("sdd")), false);
  strictEqual(calls, 1);
});
