import assert from "node:assert/strict";
import type { HardwareInventory, HardwarePart, TemperatureSensor } from "./model.ts";
import {
  assessHardware,
  assessPart,
  assessTemperature,
  DEFAULT_HARDWARE_POLICY,
} from "./policy.ts";

function part(over: Partial<HardwarePart> = {}): HardwarePart {
  return {
    kind: "fan",
    slot: "fan:1U/Bay1",
    uri: "/redfish/v1/Chassis/1U/ThermalSubsystem/Fans/Bay1",
    id: "Bay1",
    name: "Fan Bay 1",
    manufacturer: null,
    model: "RKS-440DC",
    serialNumber: "F1",
    partNumber: "23456-133",
    sparePartNumber: null,
    location: "Chassis Fan Bay 1",
    state: "Enabled",
    health: "OK",
    healthRollup: null,
    source: "ThermalSubsystem",
    evidence: {},
    ...over,
  };
}

function sensor(over: Partial<TemperatureSensor> = {}): TemperatureSensor {
  return {
    slot: "temperature:1U/CPU1Temp",
    uri: "/redfish/v1/Chassis/1U/Sensors/CPU1Temp",
    name: "CPU #1 Temperature",
    context: "CPU",
    readingCelsius: 37,
    upperCaution: 42,
    upperCritical: 45,
    upperFatal: 50,
    state: "Enabled",
    health: "OK",
    source: "Sensors",
    ...over,
  };
}

Deno.test("a healthy part is ok with no reasons", () => {
  const a = assessPart(part());
  assert.equal(a.verdict, "ok");
  assert.deepEqual(a.reasons, []);
  assert.equal(a.replace, false);
});

Deno.test("a failed fan is critical and replaced with the host up", () => {
  const a = assessPart(part({ health: "Critical" }));
  assert.equal(a.verdict, "critical");
  assert.equal(a.replace, true);
  assert.equal(a.needsHostDown, false);
  assert.match(a.reasons[0]!, /fan Fan Bay 1 failed: Health Critical/);
});

Deno.test("a PSU with Health Warning is a warning without a ticket", () => {
  const a = assessPart(
    part({ kind: "power_supply", name: "Power Supply Bay 1", health: "Warning" }),
  );
  assert.equal(a.verdict, "warning");
  assert.equal(a.replace, false);
});

Deno.test("an empty bay never seen occupied is ok; one that held a PSU is missing", () => {
  const psu = part({
    kind: "power_supply",
    slot: "power_supply:1U/Bay2",
    state: "Absent",
    health: null,
  });
  assert.equal(assessPart(psu).verdict, "ok");
  const a = assessPart(psu, DEFAULT_HARDWARE_POLICY, {
    known: [{ slot: "power_supply:1U/Bay2", serialNumber: "P2", lastSeen: "2026-12-01T00:00:00Z" }],
  });
  assert.equal(a.verdict, "critical");
  assert.equal(a.replace, true);
  assert.match(a.reasons[0]!, /serial P2.*is missing/);
});

Deno.test("DIMM: uncorrectable errors replace it with the host down", () => {
  const a = assessPart(
    part({ kind: "memory", name: "DIMM Slot 1", evidence: { uncorrectableErrors: 1 } }),
  );
  assert.equal(a.verdict, "critical");
  assert.equal(a.replace, true);
  assert.equal(a.needsHostDown, true);
  assert.match(a.reasons[0]!, /1 uncorrectable ECC error/);
});

Deno.test("DIMM: correctable errors against the warning and replacement limits", () => {
  const at = (n: number) =>
    assessPart(part({ kind: "memory", evidence: { correctableErrors: n } }));
  assert.equal(at(10).verdict, "ok");
  assert.equal(at(11).verdict, "warning");
  assert.equal(at(11).replace, false);
  assert.equal(at(100).verdict, "warning");
  assert.equal(at(101).verdict, "critical");
  assert.equal(at(101).replace, true);
  const custom = assessPart(part({ kind: "memory", evidence: { correctableErrors: 6 } }), {
    ...DEFAULT_HARDWARE_POLICY,
    memory_correctable_crit: 5,
  });
  assert.equal(custom.verdict, "critical");
});

Deno.test("DIMM: an uncorrectable alarm trip is critical, a correctable one a warning", () => {
  assert.equal(
    assessPart(part({ kind: "memory", evidence: { alarmTrips: ["UncorrectableECCError"] } }))
      .verdict,
    "critical",
  );
  assert.equal(
    assessPart(part({ kind: "memory", evidence: { alarmTrips: ["CorrectableECCError"] } })).verdict,
    "warning",
  );
});

Deno.test("drive behind a RAID controller: predicted failure and media life", () => {
  const d = (e: HardwarePart["evidence"], h: HardwarePart["health"] = "OK") =>
    assessPart(
      part({
        kind: "drive",
        name: "Disk 0",
        health: h,
        evidence: { controller: "RAID.Slot.1", ...e },
      }),
    );
  const predicted = d({ failurePredicted: true });
  assert.equal(predicted.verdict, "critical");
  assert.equal(predicted.replace, true);
  assert.match(predicted.reasons[0]!, /behind controller RAID\.Slot\.1 predicts its own failure/);
  assert.equal(d({ predictedMediaLifeLeftPercent: 50 }).verdict, "ok");
  assert.equal(d({ predictedMediaLifeLeftPercent: 10 }).verdict, "warning");
  assert.equal(d({ predictedMediaLifeLeftPercent: 2 }).verdict, "critical");
  assert.equal(d({}, "Critical").replace, true);
});

Deno.test("a failed storage controller is replaced; a critical board is reported only", () => {
  const ctrl = assessPart(part({ kind: "storage_controller", health: "Critical" }));
  assert.equal(ctrl.replace, true);
  assert.equal(ctrl.needsHostDown, true, "a RAID controller is a PCIe card");
  const board = assessPart(part({ kind: "system", health: "Critical" }));
  assert.equal(board.verdict, "critical");
  assert.equal(board.replace, false);
  assert.match(board.reasons[0]!, /ask the vendor/);
});

Deno.test("HealthRollup alone is not judged", () => {
  assert.equal(assessPart(part({ kind: "chassis", healthRollup: "Critical" })).verdict, "ok");
});

Deno.test("temperature against caution, critical and fatal thresholds", () => {
  assert.equal(assessTemperature(sensor()).verdict, "ok");
  assert.equal(assessTemperature(sensor({ readingCelsius: 42 })).verdict, "warning");
  const crit = assessTemperature(sensor({ readingCelsius: 46 }));
  assert.equal(crit.verdict, "critical");
  assert.match(crit.reasons[0]!, /reads 46 °C, at or above its critical threshold 45 °C/);
  assert.match(assessTemperature(sensor({ readingCelsius: 51 })).reasons[0]!, /fatal threshold 50/);
  assert.equal(assessTemperature(sensor({ readingCelsius: null })).verdict, "ok");
  assert.equal(assessTemperature(sensor({ readingCelsius: 99, state: "Disabled" })).verdict, "ok");
});

Deno.test("inventory: missing slots only from a complete walk", () => {
  const inv: HardwareInventory = {
    endpoint: "https://bmc",
    service: { redfishVersion: "1.15.0", uuid: null, vendor: null },
    parts: [part()],
    temperatures: [sensor()],
    events: [],
    problems: [],
  };
  const known = [{ slot: "fan:1U/Bay9", serialNumber: "F9", lastSeen: "2026-12-01T00:00:00Z" }];
  const a = assessHardware(inv, DEFAULT_HARDWARE_POLICY, { known });
  assert.equal(a.verdict, "critical");
  assert.equal(a.missing.length, 1);
  const partial = assessHardware({ ...inv, problems: ["Cannot read …"] }, DEFAULT_HARDWARE_POLICY, {
    known,
  });
  assert.equal(partial.missing.length, 0);
  assert.equal(partial.verdict, "ok");
});
