import assert from "node:assert/strict";
import { parseUdevData, readUdevData } from "./udev.ts";
import { DEFAULT_ROOTS } from "./model.ts";

const SAMPLE = `S:disk/by-id/ata-ST2000DM001-1CH164_Z1E0ABCD
S:disk/by-id/wwn-0x5000c5006a1b2c3d
S:disk/by-path/pci-0000:00:1f.2-ata-1
I:1234567
E:ID_ATA=1
E:ID_MODEL=ST2000DM001-1CH164
E:ID_SERIAL=ST2000DM001-1CH164_Z1E0ABCD
E:ID_SERIAL_SHORT=Z1E0ABCD
E:ID_WWN=0x5000c5006a1b2c3d
E:EMPTY=
E:WITH_EQ=a=b
G:systemd
Q:systemd
V:1
`;

Deno.test("parseUdevData reads E: properties and S: links only", () => {
  const d = parseUdevData(SAMPLE);
  assert.equal(d.properties.ID_SERIAL_SHORT, "Z1E0ABCD");
  assert.equal(d.properties.ID_WWN, "0x5000c5006a1b2c3d");
  assert.equal(d.properties.EMPTY, "");
  assert.equal(d.properties.WITH_EQ, "a=b");
  assert.equal(Object.keys(d.properties).length, 7);
  assert.deepEqual(d.links, [
    "disk/by-id/ata-ST2000DM001-1CH164_Z1E0ABCD",
    "disk/by-id/wwn-0x5000c5006a1b2c3d",
    "disk/by-path/pci-0000:00:1f.2-ata-1",
  ]);
});

Deno.test("readUdevData reads b<major>:<minor> and returns null when absent", () => {
  const dir = Deno.makeTempDirSync();
  try {
    Deno.writeTextFileSync(`${dir}/b8:16`, "E:ID_SERIAL_SHORT=ABC\n");
    const roots = { ...DEFAULT_ROOTS, udevData: dir };
    assert.equal(readUdevData(roots, "8:16")?.properties.ID_SERIAL_SHORT, "ABC");
    assert.equal(readUdevData(roots, "8:32"), null);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
