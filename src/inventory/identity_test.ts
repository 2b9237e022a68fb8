import assert from "node:assert/strict";
import {
  buildIdentity,
  chooseByIdLink,
  type IdentityFacts,
  loopSerial,
  normalizeWwn,
} from "./identity.ts";

function facts(over: Partial<IdentityFacts>): IdentityFacts {
  return {
    path: "/dev/sdb",
    sysModel: null,
    sysSerials: [],
    sysWwids: [],
    udev: null,
    byIdPath: null,
    loopFile: null,
    ...over,
  };
}

Deno.test("normalizeWwn makes udev ID_WWN and sysfs wwid agree", () => {
  assert.equal(normalizeWwn("naa.5000C5006A1B2C3D"), "0x5000c5006a1b2c3d");
  assert.equal(normalizeWwn("0x5000c5006a1b2c3d"), "0x5000c5006a1b2c3d");
  assert.equal(normalizeWwn("eui.0025388B71B0E1D0"), "eui.0025388b71b0e1d0");
  assert.equal(normalizeWwn("t10.ATA     ST2000DM001  Z1E0ABCD"), null);
  assert.equal(normalizeWwn("nvme.1b36-3132-51454d55-00000001"), null);
  assert.equal(normalizeWwn("naa.0000000000000000"), null);
  assert.equal(normalizeWwn(""), null);
  assert.equal(normalizeWwn(null), null);
});

Deno.test("key prefers WWN, then serial, then path", () => {
  assert.equal(
    buildIdentity(facts({ udev: { ID_WWN: "0x5000c500aa", ID_SERIAL_SHORT: "S1" } })).key,
    "wwn:0x5000c500aa",
  );
  assert.equal(buildIdentity(facts({ sysWwids: ["naa.5000C500AA"] })).key, "wwn:0x5000c500aa");
  assert.equal(buildIdentity(facts({ sysSerials: [null, "BTLN123"] })).key, "serial:BTLN123");
  assert.equal(buildIdentity(facts({})).key, "path:/dev/sdb");
});

Deno.test("serial follows SCSI_IDENT_SERIAL, ID_SERIAL_SHORT, ID_SERIAL, then sysfs", () => {
  const udev = { SCSI_IDENT_SERIAL: "IDENT", ID_SERIAL_SHORT: "SHORT", ID_SERIAL: "M_SERIAL" };
  assert.equal(buildIdentity(facts({ udev, sysSerials: ["SYS"] })).serial, "IDENT");
  assert.equal(
    buildIdentity(facts({ udev: { ID_SERIAL_SHORT: "SHORT", ID_SERIAL: "M" } })).serial,
    "SHORT",
  );
  assert.equal(buildIdentity(facts({ udev: { ID_SERIAL: "M_S" } })).serial, "M_S");
  assert.equal(
    buildIdentity(facts({ udev: { ID_SERIAL: " " }, sysSerials: [null, "SYS  "] })).serial,
    "SYS",
  );
});

Deno.test("model comes from sysfs, else udev ID_MODEL", () => {
  assert.equal(
    buildIdentity(facts({ sysModel: "Samsung SSD 860 EVO 1TB  " })).model,
    "Samsung SSD 860 EVO 1TB",
  );
  assert.equal(
    buildIdentity(facts({ udev: { ID_MODEL: "ST2000DM001_1CH164" } })).model,
    "ST2000DM001 1CH164",
  );
});

Deno.test("loop identity comes from the backing file's st_dev and st_ino", () => {
  const a = buildIdentity(facts({ path: "/dev/loop3", loopFile: { dev: 2049, ino: 77 } }));
  assert.equal(a.serial, "LOOP-2049-77");
  assert.equal(a.key, "serial:LOOP-2049-77");
  assert.equal(loopSerial({ dev: 2049, ino: 77 }), "LOOP-2049-77");
  const b = buildIdentity(facts({ path: "/dev/loop5", loopFile: { dev: 2049, ino: 77 } }));
  assert.equal(b.key, a.key, "same file on another loop device: same identity");
  const c = buildIdentity(facts({ path: "/dev/loop3", loopFile: { dev: 2049, ino: 78 } }));
  assert.notEqual(c.key, a.key);
});

Deno.test("chooseByIdLink prefers readable serial links over wwn-", () => {
  assert.equal(
    chooseByIdLink(["wwn-0x5000c500aa", "ata-ST2000_Z1E0", "scsi-SATA_ST2000_Z1E0"]),
    "ata-ST2000_Z1E0",
  );
  assert.equal(chooseByIdLink(["nvme-eui.0025", "nvme-Samsung_S4EW"]), "nvme-Samsung_S4EW");
  assert.equal(chooseByIdLink(["wwn-0x1"]), "wwn-0x1");
  assert.equal(chooseByIdLink([]), null);
});

Deno.test("a SCSI disk with a WWN gets its unit serial (ID_SCSI_SERIAL / VPD 0x80), not the WWN", () => {
  // What udev records for a virtio-scsi scsi-hd with wwn= and serial= (and a SAS disk):
  // ID_SERIAL_SHORT is the NAA id from VPD page 0x83, ID_SCSI_SERIAL the page 0x80 serial.
  const udev = {
    ID_SERIAL: "35000c500a1b2c3d4",
    ID_SERIAL_SHORT: "5000c500a1b2c3d4",
    ID_SCSI_SERIAL: "ZA1B2C3D",
    ID_WWN: "0x5000c500a1b2c3d4",
  };
  const id = buildIdentity(facts({ udev, vpdSerial: "ZA1B2C3D" }));
  assert.equal(id.serial, "ZA1B2C3D");
  assert.equal(id.wwn, "0x5000c500a1b2c3d4");
  // Without udev's ID_SCSI_SERIAL (older udev, no scsi_id), sysfs vpd_pg80 decides.
  const { ID_SCSI_SERIAL: _, ...noScsiSerial } = udev;
  assert.equal(
    buildIdentity(facts({ udev: noScsiSerial, vpdSerial: "ZA1B2C3D" })).serial,
    "ZA1B2C3D",
  );
  // Without either, the old order still gives a serial.
  assert.equal(buildIdentity(facts({ udev: noScsiSerial })).serial, "5000c500a1b2c3d4");
});
