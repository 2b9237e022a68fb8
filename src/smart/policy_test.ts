import assert from "node:assert/strict";
import { assess, DEFAULT_SMART_POLICY } from "./policy.ts";
import { type SmartAttribute, type SmartReport, unavailableReport } from "./model.ts";
import { SmartPolicySchema } from "../config/schema.ts";

function ata(attributes: Partial<SmartAttribute>[], extra: Partial<SmartReport> = {}): SmartReport {
  return {
    ...unavailableReport("/dev/sdx", ""),
    source: "smartctl",
    protocol: "ATA",
    unavailableReason: null,
    smartStatusGood: true,
    attributes: attributes.map((a) => ({
      id: 1,
      name: "Raw_Read_Error_Rate",
      current: 100,
      worst: 100,
      threshold: 10,
      raw: 0,
      prefailure: false,
      online: true,
      flags: null,
      ...a,
    })),
    ...extra,
  };
}

function nvme(n: Partial<NonNullable<SmartReport["nvme"]>>): SmartReport {
  return {
    ...ata([], { protocol: "NVMe" }),
    nvme: {
      criticalWarning: 0,
      temperatureCelsius: 35,
      availableSpare: 100,
      availableSpareThreshold: 10,
      percentageUsed: 1,
      mediaErrors: "0",
      numErrLogEntries: "0",
      powerOnHours: null,
      unsafeShutdowns: null,
      powerCycles: null,
      dataUnitsRead: null,
      dataUnitsWritten: null,
      ...n,
    },
  };
}

Deno.test("DEFAULT_SMART_POLICY equals the schema defaults", () => {
  assert.deepEqual(DEFAULT_SMART_POLICY, SmartPolicySchema.parse({}));
});

Deno.test("a healthy drive is ok with no reasons", () => {
  assert.deepEqual(assess(ata([{ id: 5, name: "Reallocated_Sector_Ct", raw: 0 }])), {
    verdict: "ok",
    reasons: [],
  });
});

Deno.test("an unavailable report is unknown with its reason", () => {
  const a = assess(unavailableReport("/dev/vda", "virtio disks have no SMART"));
  assert.deepEqual(a, { verdict: "unknown", reasons: ["virtio disks have no SMART"] });
});

Deno.test("a failing overall status is critical", () => {
  const a = assess(ata([], { smartStatusGood: false }));
  assert.equal(a.verdict, "critical");
  assert.match(a.reasons[0]!, /FAILING/);
});

Deno.test("a pre-failure attribute at its threshold is critical; above is fine", () => {
  const at = assess(
    ata([{ id: 3, name: "Spin_Up_Time", prefailure: true, current: 21, threshold: 21 }]),
  );
  assert.equal(at.verdict, "critical");
  assert.deepEqual(at.reasons, [
    "pre-failure attribute Spin_Up_Time (3) value 21 is at or below its threshold 21",
  ]);
  const above = assess(ata([{ id: 3, prefailure: true, current: 22, threshold: 21 }]));
  assert.equal(above.verdict, "ok");
});

Deno.test("threshold 0 means always passing; invalid normalized values are ignored", () => {
  assert.equal(assess(ata([{ prefailure: true, current: 0, threshold: 0 }])).verdict, "ok");
  assert.equal(assess(ata([{ prefailure: true, current: 1, threshold: 0 }])).verdict, "ok");
  assert.equal(assess(ata([{ prefailure: true, current: 0, threshold: 5 }])).verdict, "ok");
  assert.equal(assess(ata([{ prefailure: true, current: 50, threshold: null }])).verdict, "ok");
});

Deno.test("an old-age attribute at its threshold is a warning", () => {
  const a = assess(ata([{ id: 4, name: "Start_Stop_Count", current: 1, threshold: 20 }]));
  assert.equal(a.verdict, "warning");
});

Deno.test("ATA 5 reallocated sectors: warning above 0, critical above 4", () => {
  const r = (raw: number) => assess(ata([{ id: 5, name: "Reallocated_Sector_Ct", raw }]));
  assert.equal(r(0).verdict, "ok");
  assert.equal(r(1).verdict, "warning");
  assert.equal(r(4).verdict, "warning");
  assert.deepEqual(r(12).reasons, [
    "Reallocated_Sector_Ct (5) raw value 12 is above the critical limit 4",
  ]);
});

Deno.test("ATA 187, 197, 198 are critical above 0", () => {
  for (const id of [187, 197, 198]) {
    assert.equal(assess(ata([{ id, name: `a${id}`, raw: 0 }])).verdict, "ok", `${id}`);
    assert.equal(assess(ata([{ id, name: `a${id}`, raw: 1 }])).verdict, "critical", `${id}`);
  }
});

Deno.test("ATA 188: warning above 0, critical above 13, Seagate packed counters unpacked", () => {
  const r = (a: Partial<SmartAttribute>) =>
    assess(ata([{ id: 188, name: "Command_Timeout", ...a }]));
  assert.equal(r({ raw: 13 }).verdict, "warning");
  assert.equal(r({ raw: 14 }).verdict, "critical");
  // 0x0004_0004_0004: three 16-bit counters of 4 each, not 17 billion timeouts
  const packed = r({ raw: 17180131332 });
  assert.equal(packed.verdict, "warning");
  assert.match(packed.reasons[0]!, /raw value 4 \(packed 16-bit counters 4 4 4\)/);
});

Deno.test("the source's count wins over the raw value; null count skips the rule", () => {
  const fujitsu = ata([{
    id: 5,
    name: "reallocated-sector-count",
    raw: 8589934592000,
    count: "0",
  }]);
  assert.equal(assess(fujitsu).verdict, "ok");
  const unknown = ata([{ id: 197, name: "attribute-197", raw: 120173136838658, count: null }]);
  assert.equal(assess(unknown).verdict, "ok");
});

Deno.test("configured limits are honoured", () => {
  const policy = { ...DEFAULT_SMART_POLICY, reallocated_crit: 100, reallocated_warn: 50 };
  const r = ata([{ id: 5, name: "Reallocated_Sector_Ct", raw: 60 }]);
  assert.equal(assess(r, policy).verdict, "warning");
  assert.equal(assess(r).verdict, "critical");
});

Deno.test("NVMe critical_warning bits: spare/reliability/read-only/backup critical, temperature warning", () => {
  for (const bit of [0x01, 0x04, 0x08, 0x10, 0x20]) {
    const a = assess(nvme({ criticalWarning: bit }));
    assert.equal(a.verdict, "critical", `bit ${bit}`);
    // Each bit is named, not only summarized as a failing overall status.
    const hex = `0x${bit.toString(16).padStart(2, "0")}`;
    assert.ok(a.reasons.some((r) => r.includes(`bit ${hex} set`)), `${hex}: ${a.reasons}`);
  }
  assert.match(
    assess(nvme({ criticalWarning: 0x20 })).reasons.join("; "),
    /persistent memory region/,
  );
  const t = assess(nvme({ criticalWarning: 0x02 }));
  assert.equal(t.verdict, "warning");
  assert.match(t.reasons[0]!, /critical_warning is 0x02: bit 0x02 set, temperature/);
  // As read: the status is "failed" whenever a bit is set (native log page and smartctl,
  // whose exit bit 3 follows it); the temperature bit alone stays a warning.
  for (const smartctlExitStatus of [null, 8]) {
    const failed = {
      ...nvme({ criticalWarning: 0x02 }),
      smartStatusGood: false,
      smartctlExitStatus,
    };
    assert.equal(assess(failed).verdict, "warning", `exit ${smartctlExitStatus}`);
    assert.deepEqual(assess(failed).reasons, [
      "overall SMART health status is FAILING",
      ...t.reasons,
    ]);
    const both = { ...nvme({ criticalWarning: 0x06 }), smartStatusGood: false, smartctlExitStatus };
    assert.equal(assess(both).verdict, "critical");
    const spare = {
      ...nvme({ criticalWarning: 0x01 }),
      smartStatusGood: false,
      smartctlExitStatus,
    };
    assert.equal(assess(spare).verdict, "critical");
  }
  // A bit Bynar has no rule for keeps the failing status critical.
  const unknownBit = { ...nvme({ criticalWarning: 0x20 }), smartStatusGood: false };
  assert.equal(assess(unknownBit).verdict, "critical");
  assert.ok(assess(unknownBit).reasons.includes("overall SMART health status is FAILING"));
});

Deno.test("NVMe available spare below threshold and percentage used", () => {
  assert.equal(
    assess(nvme({ availableSpare: 9, availableSpareThreshold: 10 })).verdict,
    "critical",
  );
  assert.equal(assess(nvme({ availableSpare: 10, availableSpareThreshold: 10 })).verdict, "ok");
  assert.equal(assess(nvme({ percentageUsed: 100 })).verdict, "critical");
  assert.equal(assess(nvme({ percentageUsed: 255 })).verdict, "critical");
  assert.equal(assess(nvme({ percentageUsed: 90 })).verdict, "warning");
  assert.equal(assess(nvme({ percentageUsed: 89 })).verdict, "ok");
});

Deno.test("NVMe media_errors compares 128-bit counters exactly", () => {
  assert.equal(assess(nvme({ mediaErrors: "0" })).verdict, "ok");
  const big = assess(nvme({ mediaErrors: "340282366920938463463374607431768211455" }));
  assert.equal(big.verdict, "critical");
  assert.match(big.reasons[0]!, /media_errors 340282366920938463463374607431768211455/);
});

Deno.test("SCSI grown defects: warning above 0, critical above 50", () => {
  const r = (g: number) =>
    assess({
      ...ata([], { protocol: "SCSI" }),
      scsi: { grownDefects: g, readUncorrected: 0, writeUncorrected: 0 },
    }).verdict;
  assert.equal(r(0), "ok");
  assert.equal(r(1), "warning");
  assert.equal(r(50), "warning");
  assert.equal(r(51), "critical");
});

Deno.test("temperature: warning at 60 °C, critical at 70 °C", () => {
  assert.equal(assess(ata([], { temperatureCelsius: 59 })).verdict, "ok");
  assert.equal(assess(ata([], { temperatureCelsius: 60 })).verdict, "warning");
  assert.equal(assess(ata([], { temperatureCelsius: 70 })).verdict, "critical");
  assert.equal(assess(nvme({ temperatureCelsius: 75 })).verdict, "critical");
});

Deno.test("smartctl exit bits: 3 and 4 critical, 7 warning, 6 alone ok", () => {
  assert.equal(assess(ata([], { smartctlExitStatus: 0x08 })).verdict, "critical");
  assert.equal(assess(ata([], { smartctlExitStatus: 0x10 })).verdict, "critical");
  assert.equal(assess(ata([], { smartctlExitStatus: 0x80 })).verdict, "warning");
  assert.equal(assess(ata([], { smartctlExitStatus: 0x40 })).verdict, "ok");
});

Deno.test("a report with no status and no data is unknown", () => {
  assert.equal(assess(ata([], { smartStatusGood: null })).verdict, "unknown");
});
