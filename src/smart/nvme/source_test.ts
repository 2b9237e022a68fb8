import assert from "node:assert/strict";
import { nvmeIdentityFromSysfs, reportFromNvmeLog } from "./source.ts";

/** A sysfs tree like a kernel's for one controller with one namespace. */
async function sysTree(): Promise<string> {
  const root = await Deno.makeTempDir({ prefix: "bynar-nvme-sys-" });
  const ctrl = `${root}/class/nvme/nvme0`;
  await Deno.mkdir(ctrl, { recursive: true });
  await Deno.writeTextFile(`${ctrl}/model`, "Samsung SSD 970 EVO Plus 1TB            \n");
  await Deno.writeTextFile(`${ctrl}/serial`, "S4EWNX0R123456      \n");
  await Deno.writeTextFile(`${ctrl}/firmware_rev`, "2B2QEXM7\n");
  await Deno.mkdir(`${root}/block/nvme0n1`, { recursive: true });
  await Deno.symlink(ctrl, `${root}/block/nvme0n1/device`);
  return root;
}

Deno.test("NVMe identity comes from sysfs, trimmed, for namespaces, partitions and controllers", async () => {
  const root = await sysTree();
  try {
    const want = {
      model: "Samsung SSD 970 EVO Plus 1TB",
      serial: "S4EWNX0R123456",
      firmware: "2B2QEXM7",
      wwn: null,
    };
    for (const name of ["nvme0n1", "nvme0n1p3", "nvme0"]) {
      assert.deepEqual(nvmeIdentityFromSysfs(name, { sysRoot: root }), want, name);
    }
    assert.throws(() => nvmeIdentityFromSysfs("nvme1n1", { sysRoot: root }), Deno.errors.NotFound);
    assert.throws(() => nvmeIdentityFromSysfs("sda", { sysRoot: root }), Deno.errors.NotFound);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("reportFromNvmeLog keeps 128-bit counters exact and omits unsafe power-on hours", async () => {
  const page = new Uint8Array(512);
  page.fill(0xff, 128, 144); // power-on hours 2^128 - 1
  page[160] = 7; // media errors
  const r = await reportFromNvmeLog("/dev/nvme0n1", {
    read: () =>
      Promise.resolve({
        healthLog: page,
        identify: { model: "m", serial: "s", firmware: "f", wwn: null },
      }),
  });
  assert.equal(r.nvme?.powerOnHours, String((1n << 128n) - 1n));
  assert.equal(r.powerOnHours, null, "like smartctl's power_on_time.hours (set only if safe)");
  assert.equal(r.temperatureCelsius, null, "0 K = not reported");
  assert.equal(r.nvme?.mediaErrors, "7");
  assert.equal(r.smartStatusGood, true);
});
