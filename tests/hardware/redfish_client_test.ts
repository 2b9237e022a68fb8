/**
 * The Redfish client and walk against the BMC double serving the DMTF public rack-mount
 * mockup over HTTPS (a CA made with openssl at test time, loopback only).
 */
import assert from "node:assert/strict";
import { RedfishError } from "../../src/hardware/redfish/errors.ts";
import { CollectionSchema } from "../../src/hardware/redfish/schemas.ts";
import { walkInventory } from "../../src/hardware/redfish/walk.ts";
import { assessHardware } from "../../src/hardware/policy.ts";
import { bmcFixture } from "./bmc_fixture.ts";
import { startBmcDouble } from "../doubles/bmc.ts";
import { RedfishClient } from "../../src/hardware/redfish/client.ts";
import { certFingerprint } from "../../src/vault/cert_pin.ts";

const SYS = "/redfish/v1/Systems/437XR1138R2";
const CH = "/redfish/v1/Chassis/1U";

async function rejectsWith(p: Promise<unknown>, code: string, re?: RegExp): Promise<RedfishError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof RedfishError, String(err));
    assert.equal(err.code, code, err.message);
    if (re) assert.match(err.message, re);
    return err;
  }
  assert.fail(`expected ${code}`);
}

Deno.test("walk of the DMTF mockup: identity, status, legacy duplicates ignored, session closed", async () => {
  const f = await bmcFixture();
  try {
    const c = f.client();
    const inv = await walkInventory(c);
    await c.close();
    assert.deepEqual(inv.problems, []);
    assert.equal(inv.service.redfishVersion, "1.15.0");
    const bay1 = inv.parts.find((p) => p.slot === "power_supply:1U/Bay1")!;
    assert.equal(bay1.health, "Warning");
    assert.equal(bay1.serialNumber, "3488247");
    assert.equal(bay1.partNumber, "23456-133");
    assert.equal(bay1.model, "RKS-440DC");
    assert.equal(bay1.location, "PSU 1");
    assert.equal(bay1.source, "PowerSubsystem");
    // PowerSubsystem is linked, so the legacy Power resource's PSUs are not listed twice.
    assert.equal(inv.parts.filter((p) => p.kind === "power_supply").length, 2);
    assert.equal(inv.parts.filter((p) => p.kind === "fan").length, 4);
    assert.equal(inv.parts.filter((p) => p.kind === "memory").length, 4);
    assert.equal(inv.parts.find((p) => p.slot === "memory:437XR1138R2/DIMM4")!.state, "Absent");
    assert.ok(
      inv.temperatures.some((t) => t.slot === "temperature:1U/CPUTemp1" && t.upperCritical === 45),
    );
    assert.equal(inv.events.length, 2);
    assert.equal(inv.events[0]!.message, "Temperature threshold exceeded");
    const a = assessHardware(inv);
    assert.equal(a.verdict, "warning");
    assert.deepEqual(
      a.parts.filter((p) => p.verdict !== "ok").map((p) => p.part.slot),
      ["power_supply:1U/Bay1", "drive:437XR1138R2/1.1"],
    );
    assert.equal(f.bmc.stats.logins, 1);
    assert.equal(f.bmc.stats.logouts, 1);
    assert.equal(f.bmc.stats.unauthorized, 0);
    assert.equal(f.bmc.stats.basic, 0);
    assert.equal(f.bmc.sessions.size, 0);
    assert.ok(c.stats.maxInFlight <= 4 && c.stats.maxInFlight >= 2, `${c.stats.maxInFlight}`);
  } finally {
    await f.close();
  }
});

Deno.test("BMC auth: 401 without credentials, wrong password is redfish_auth, Basic works", async () => {
  const f = await bmcFixture();
  try {
    const http = Deno.createHttpClient({ caCerts: [await Deno.readTextFile(f.pki.caPath)] });
    const open = await fetch(`${f.bmc.url}/redfish/v1/`, { client: http });
    assert.equal(open.status, 200);
    await open.body?.cancel();
    const closed = await fetch(`${f.bmc.url}${CH}`, { client: http });
    assert.equal(closed.status, 401);
    assert.match(closed.headers.get("www-authenticate") ?? "", /Basic/);
    await closed.body?.cancel();
    http.close();

    const bad = f.client({ credentials: { username: "bynar", password: "wrong" } });
    const err = await rejectsWith(
      bad.get(CH, CollectionSchema.partial()),
      "redfish_auth",
      /SessionService\/Sessions: HTTP 401/,
    );
    assert.ok(!err.message.includes("wrong"), "no password in the message");
    await bad.close();

    const basic = f.client({ auth: "basic", concurrency: 2 });
    const inv = await walkInventory(basic);
    await basic.close();
    assert.deepEqual(inv.problems, []);
    assert.ok(f.bmc.stats.basic > 10);
    assert.equal(f.bmc.stats.logins, 0);
    assert.equal(basic.stats.maxInFlight, 2);
  } finally {
    await f.close();
  }
});

Deno.test("an expired session is re-created once and the walk completes", async () => {
  const f = await bmcFixture();
  try {
    const c = f.client();
    await c.get(CH, CollectionSchema.partial());
    f.bmc.expireSessions();
    const inv = await walkInventory(c);
    await c.close();
    assert.deepEqual(inv.problems, []);
    assert.equal(f.bmc.stats.logins, 2);
  } finally {
    await f.close();
  }
});

Deno.test("TLS: a pinned self-signed certificate without a CA; a wrong pin and an untrusted CA refuse", async () => {
  const f = await bmcFixture();
  const dir = await Deno.makeTempDir({ prefix: "bynar-bmc-self-" });
  try {
    const ca = f.client({ pin: f.pki.fingerprint });
    assert.ok((await ca.serviceRoot()).RedfishVersion, "pin and CA together");
    await ca.close();
    const wrong = f.client({ pin: "00".repeat(32) });
    await rejectsWith(wrong.serviceRoot(), "redfish_tls", /differs from hardware\.cert_pin/);
    await wrong.close();
    const untrusted = f.client({ caCert: undefined });
    const err = await rejectsWith(untrusted.serviceRoot(), "redfish_tls", /UnknownIssuer/);
    assert.match(err.url, /^https:\/\/127\.0\.0\.1:\d+\/redfish\/v1\//);
    await untrusted.close();

    // A self-signed BMC certificate (what most BMCs ship with), trusted by its pin alone.
    const run = (args: string[]) =>
      new Deno.Command("openssl", { args, stdout: "null", stderr: "piped" }).output();
    const made = await run([
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      `${dir}/key.pem`,
      "-out",
      `${dir}/cert.pem`,
      "-days",
      "2",
      "-subj",
      "/CN=bmc",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-addext",
      "basicConstraints=critical,CA:FALSE",
    ]);
    assert.equal(made.code, 0, new TextDecoder().decode(made.stderr));
    const self = await startBmcDouble({
      certPem: await Deno.readTextFile(`${dir}/cert.pem`),
      keyPem: await Deno.readTextFile(`${dir}/key.pem`),
    });
    try {
      const pem = await Deno.readTextFile(`${dir}/cert.pem`);
      const pin = await certFingerprint(pem);
      const creds = { username: self.username, password: self.password };
      const pinned = new RedfishClient(self.url, { credentials: creds, pin });
      const inv = await walkInventory(pinned);
      await pinned.close();
      assert.deepEqual(inv.problems, []);
      const unpinned = new RedfishClient(self.url, { credentials: creds });
      await rejectsWith(unpinned.serviceRoot(), "redfish_tls");
      await unpinned.close();
    } finally {
      await self.close();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
    await f.close();
  }
});

Deno.test("a malformed reply names the URL and the field", async () => {
  const f = await bmcFixture();
  try {
    f.bmc.put("/redfish/v1/Chassis", { Members: "not-a-list" });
    const c = f.client();
    const err = await rejectsWith(c.get("/redfish/v1/Chassis", CollectionSchema), "redfish_shape");
    assert.equal(err.field, "Members");
    assert.match(err.message, /\/redfish\/v1\/Chassis: field "Members"/);
    // The walk keeps going and lists the unreadable resource as a problem, not a fault.
    const inv = await walkInventory(c);
    await c.close();
    assert.equal(inv.problems.length, 1);
    assert.ok(inv.parts.some((p) => p.kind === "memory"));
    assert.ok(!inv.parts.some((p) => p.kind === "fan"));
  } finally {
    await f.close();
  }
});

Deno.test("older BMCs: legacy Power and Thermal when the subsystems are not linked", async () => {
  const f = await bmcFixture();
  try {
    f.bmc.patch(CH, { PowerSubsystem: undefined, ThermalSubsystem: undefined, Sensors: undefined });
    const c = f.client();
    const inv = await walkInventory(c);
    await c.close();
    const psus = inv.parts.filter((p) => p.kind === "power_supply");
    assert.ok(psus.length >= 1);
    assert.ok(psus.every((p) => p.source === "Power (legacy)"));
    const psu0 = psus.find((p) => p.id === "0")!;
    assert.equal(psu0.serialNumber, "1Z0000001");
    assert.equal(psu0.health, "Warning");
    assert.equal(psu0.uri, `${CH}/Power#/PowerSupplies/0`);
    const fans = inv.parts.filter((p) => p.kind === "fan");
    assert.ok(fans.length >= 1 && fans.every((p) => p.source === "Thermal (legacy)"));
    const cpu1 = inv.temperatures.find((t) => t.name === "CPU1 Temp")!;
    assert.equal(cpu1.source, "Thermal (legacy)");
    assert.equal(cpu1.readingCelsius, 41);
    assert.equal(cpu1.upperCritical, 45);
  } finally {
    await f.close();
  }
});

Deno.test("Storage with a RAID controller and drives, MemoryMetrics, OEM sections", async () => {
  const f = await bmcFixture();
  try {
    f.bmc.patch(SYS, { Storage: { "@odata.id": `${SYS}/Storage` } });
    f.bmc.put(`${SYS}/Storage`, { Members: [{ "@odata.id": `${SYS}/Storage/RAID1` }] });
    f.bmc.put(`${SYS}/Storage/RAID1`, {
      Id: "RAID1",
      Name: "RAID Storage",
      Status: { State: "Enabled", Health: "OK" },
      StorageControllers: [{
        MemberId: "0",
        Name: "PERC H740P",
        Model: "PERC H740P Mini",
        SerialNumber: "CTRL0001",
        Status: { State: "Enabled", Health: "OK" },
        Location: { PartLocation: { ServiceLabel: "Integrated RAID" } },
      }],
      Drives: [{ "@odata.id": `${SYS}/Storage/RAID1/Drives/Disk0` }],
      Oem: { Dell: { DellController: { CacheSizeInMB: 8192 } } },
    });
    f.bmc.put(`${SYS}/Storage/RAID1/Drives/Disk0`, {
      Id: "Disk0",
      Name: "Physical Disk 0:1:0",
      Model: "ST4000NM0035",
      SerialNumber: "ZC1ABCDE",
      PartNumber: "0XXXXX",
      FailurePredicted: true,
      PredictedMediaLifeLeftPercent: 80,
      PhysicalLocation: { PartLocation: { ServiceLabel: "Disk Bay 0" } },
      Status: { State: "Enabled", Health: "OK" },
      Oem: { Dell: { DellPhysicalDisk: { RaidStatus: "Online" } } },
      SomeFutureProperty: { Nested: [1, 2] },
    });
    f.bmc.patch(`${SYS}/Memory/DIMM1`, {
      Metrics: { "@odata.id": `${SYS}/Memory/DIMM1/MemoryMetrics` },
    });
    f.bmc.put(`${SYS}/Memory/DIMM1/MemoryMetrics`, {
      CurrentPeriod: { CorrectableECCErrorCount: 250, UncorrectableECCErrorCount: 0 },
      HealthData: { AlarmTrips: { CorrectableECCError: true, UncorrectableECCError: false } },
    });
    const c = f.client();
    const inv = await walkInventory(c);
    await c.close();
    assert.deepEqual(inv.problems, []);
    const ctrl = inv.parts.find((p) => p.kind === "storage_controller")!;
    assert.equal(ctrl.serialNumber, "CTRL0001");
    const disk = inv.parts.find((p) => p.slot === "drive:437XR1138R2/Disk0")!;
    assert.equal(disk.location, "Disk Bay 0");
    assert.deepEqual(disk.evidence.controller, "Integrated RAID");
    assert.equal(disk.evidence.failurePredicted, true);
    assert.equal(disk.evidence.predictedMediaLifeLeftPercent, 80);
    assert.deepEqual(disk.evidence.oem, ['OEM section "Dell" present (not interpreted)']);
    // Storage is present, so SimpleStorage is not read.
    assert.ok(!inv.parts.some((p) => p.source === "SimpleStorage"));
    const dimm = inv.parts.find((p) => p.slot === "memory:437XR1138R2/DIMM1")!;
    assert.equal(dimm.evidence.correctableErrors, 250);
    assert.equal(dimm.evidence.uncorrectableErrors, 0);
    assert.deepEqual(dimm.evidence.alarmTrips, ["CorrectableECCError"]);
    const a = assessHardware(inv);
    assert.equal(a.verdict, "critical");
    const bad = a.parts.filter((p) => p.replace).map((p) => p.part.slot).sort();
    assert.deepEqual(bad, ["drive:437XR1138R2/Disk0", "memory:437XR1138R2/DIMM1"]);
    assert.equal(
      a.parts.find((p) => p.part.slot === "memory:437XR1138R2/DIMM1")!.needsHostDown,
      true,
    );
  } finally {
    await f.close();
  }
});
