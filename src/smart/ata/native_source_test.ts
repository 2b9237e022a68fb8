import assert from "node:assert/strict";
import { reportFromAtaPassThrough } from "./native_source.ts";
import { readAtaBlob } from "./libatasmart.ts";
import { assess } from "../policy.ts";
import { ataDriveDouble } from "../../../tests/builders/ata_drive.ts";
import { listFixtures, SMART_BLOBS } from "../../../tests/smart/fixtures.ts";

Deno.test("native ATA reads every real dump's pages exactly like libatasmart, with fixed and descriptor sense", async () => {
  for (const name of listFixtures(SMART_BLOBS)) {
    const blob = Deno.readFileSync(new URL(name, SMART_BLOBS));
    const viaLib = await readAtaBlob(blob, { name: "/dev/sdx" });
    for (const descriptorSense of [false, true]) {
      const drive = ataDriveDouble(blob, { descriptorSense });
      const r = await reportFromAtaPassThrough("/dev/sdx", { passThrough: drive });
      const where = `${name} ${descriptorSense ? "descriptor" : "fixed"} sense`;
      assert.equal(r.source, "wasm", where);
      assert.deepEqual(r.attributes, viaLib.attributes, `${where}: attributes`);
      assert.deepEqual(r.identify, viaLib.identify, `${where}: identify`);
      assert.equal(r.smartStatusGood, true, `${where}: RETURN STATUS read from the sense`);
      assert.equal(r.ataOverall, viaLib.ataOverall, where);
      assert.deepEqual(drive.sent, [
        "85 08 0e 00 00 00 01 00 00 00 00 00 00 00 ec 00",
        "85 08 0e 00 d0 00 01 00 00 00 4f 00 c2 00 b0 00",
        "85 08 0e 00 d1 00 01 00 01 00 4f 00 c2 00 b0 00",
        "85 06 2c 00 da 00 00 00 00 00 4f 00 c2 00 b0 00",
      ]);
    }
  }
});

Deno.test("threshold exceeded in RETURN STATUS is a failing drive (fixed sense)", async () => {
  const blob = Deno.readFileSync(new URL("SAMSUNG_HD501LJ--CR100-12", SMART_BLOBS));
  const r = await reportFromAtaPassThrough("/dev/sdx", {
    passThrough: ataDriveDouble(blob, { failing: true }),
  });
  assert.equal(r.smartStatusGood, false);
  assert.equal(assess(r).verdict, "critical");
  assert.ok(assess(r).reasons.some((x) => /FAILING/.test(x)));
});

Deno.test("a device that rejects ATA PASS-THROUGH is an error naming the sense", async () => {
  const blob = Deno.readFileSync(new URL("SAMSUNG_HD501LJ--CR100-12", SMART_BLOBS));
  await assert.rejects(
    reportFromAtaPassThrough("/dev/sdx", { passThrough: ataDriveDouble(blob, { notAta: true }) }),
    /IDENTIFY DEVICE to "\/dev\/sdx": the device does not accept ATA PASS-THROUGH .*ILLEGAL REQUEST, ASC\/ASCQ 20h\/00h/,
  );
});
