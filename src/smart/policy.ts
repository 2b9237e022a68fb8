/**
 * The SMART health policy: a pure function from a normalized report and the configured
 * thresholds to a verdict with human-readable reasons.
 *
 * Rules (defaults and their sources are in the README):
 * - critical: overall SMART status failing; a pre-failure attribute at or below its
 *   threshold (threshold 0 means "always passing"); NVMe critical_warning spare (0x01),
 *   reliability (0x04), read-only (0x08) or volatile-backup (0x10) bits; NVMe available
 *   spare below its threshold; NVMe percentage used ≥ 100; raw counters above their
 *   critical limits.
 * - warning: NVMe temperature bit (0x02); an old-age attribute at or below its threshold;
 *   raw counters above their warning limits; temperature at or above the warning limit;
 *   smartctl's self-test log holding errors.
 * - unknown: no SMART data (the reason says why).
 *
 * @module
 */
import type { SmartPolicyConfig } from "../config/schema.ts";
import type { Assessment, SmartAttribute, SmartReport, Verdict } from "./model.ts";
import { worseVerdict } from "./model.ts";
import { decodeSmartctlExitStatus } from "./smartctl/parse.ts";

/** The default thresholds (the same as `SmartPolicySchema`'s defaults). */
export const DEFAULT_SMART_POLICY: SmartPolicyConfig = Object.freeze({
  reallocated_warn: 0,
  reallocated_crit: 4,
  reported_uncorrect_crit: 0,
  command_timeout_warn: 0,
  command_timeout_crit: 13,
  pending_crit: 0,
  offline_uncorrectable_crit: 0,
  nvme_media_errors_crit: 0,
  nvme_percentage_used_warn: 90,
  scsi_grown_defects_warn: 0,
  scsi_grown_defects_crit: 50,
  temperature_warn: 60,
  temperature_crit: 70,
});

/** NVMe critical_warning bits and what they mean. */
const NVME_BITS: readonly { bit: number; what: string; verdict: Verdict }[] = [
  { bit: 0x01, what: "available spare is below the threshold", verdict: "critical" },
  { bit: 0x02, what: "temperature is outside the allowed range", verdict: "warning" },
  { bit: 0x04, what: "NVM subsystem reliability is degraded", verdict: "critical" },
  { bit: 0x08, what: "the media is read-only", verdict: "critical" },
  { bit: 0x10, what: "the volatile memory backup device failed", verdict: "critical" },
  // NVMe 1.4 §5.14.1.2: bit 5, Persistent Memory Region read-only or unreliable.
  {
    bit: 0x20,
    what: "the persistent memory region is read-only or unreliable",
    verdict: "critical",
  },
];

/** The critical_warning bits {@linkcode NVME_BITS} gives a verdict for. */
const NVME_KNOWN_BITS = NVME_BITS.reduce((m, b) => m | b.bit, 0);

/**
 * The verdict of an NVMe drive's failing overall status when it only summarizes known
 * critical_warning bits (the NVMe status is `critical_warning == 0`, in smartctl too, whose
 * exit bit 3 follows it): the worst verdict of the bits set — the temperature bit (0x02)
 * alone is a warning, the others critical. Null (the status is critical) when no bit or an
 * unknown bit is set.
 */
function nvmeStatusFromBits(r: SmartReport): Verdict | null {
  const w = r.nvme?.criticalWarning ?? 0;
  if (w === 0 || (w & ~NVME_KNOWN_BITS) !== 0) return null;
  return NVME_BITS.filter((b) => (w & b.bit) !== 0).reduce<Verdict>(
    (v, b) => worseVerdict(v, b.verdict),
    "ok",
  );
}

/** Collects findings. */
class Findings {
  verdict: Verdict = "ok";
  reasons: string[] = [];
  add(verdict: Verdict, reason: string): void {
    this.verdict = worseVerdict(this.verdict, verdict);
    this.reasons.push(reason);
  }
}

function label(a: SmartAttribute): string {
  return `${a.name} (${a.id})`;
}

function rawOf(a: SmartAttribute): bigint {
  return BigInt(a.rawExact ?? Math.trunc(a.raw));
}

/**
 * The event count behind an attribute's raw value: the source's interpretation when it has
 * one (`count`), else the raw value. Seagate packs attribute 188 as three 16-bit counters;
 * without an interpretation the largest of them is the count. Returns null when the drive
 * database says the raw value is not a count.
 */
function counterOf(a: SmartAttribute): { count: bigint; shown: string } | null {
  if (a.count === null) return null;
  const raw = rawOf(a);
  const count = a.count === undefined ? raw : BigInt(a.count);
  if (count === raw && a.id === 188 && raw > 0xffffn && raw <= 0xffff_ffff_ffffn) {
    const words = [raw >> 32n, (raw >> 16n) & 0xffffn, raw & 0xffffn];
    const max = words.reduce((m, w) => (w > m ? w : m), 0n);
    return { count: max, shown: `${max} (packed 16-bit counters ${words.join(" ")})` };
  }
  return { count, shown: count === raw ? `${count}` : `${count} (raw ${raw})` };
}

/** Raw counter rules for ATA attributes: [id, warn limit, crit limit]. */
function rawRules(p: SmartPolicyConfig): [number, number | null, number][] {
  return [
    [5, p.reallocated_warn, p.reallocated_crit],
    [187, null, p.reported_uncorrect_crit],
    [188, p.command_timeout_warn, p.command_timeout_crit],
    [197, null, p.pending_crit],
    [198, null, p.offline_uncorrectable_crit],
  ];
}

function checkAttributes(r: SmartReport, p: SmartPolicyConfig, f: Findings): void {
  const rules = rawRules(p);
  for (const a of r.attributes) {
    // Normalized values 1–253 are valid; a threshold of 0 means "always passing".
    const valid = a.current >= 1 && a.current <= 253;
    if (valid && a.threshold !== null && a.threshold > 0 && a.current <= a.threshold) {
      if (a.prefailure) {
        f.add(
          "critical",
          `pre-failure attribute ${
            label(a)
          } value ${a.current} is at or below its threshold ${a.threshold}`,
        );
      } else {
        f.add(
          "warning",
          `old-age attribute ${
            label(a)
          } value ${a.current} is at or below its threshold ${a.threshold}`,
        );
      }
    }
    const rule = rules.find(([id]) => id === a.id);
    if (!rule) continue;
    const [, warn, crit] = rule;
    const counter = counterOf(a);
    if (!counter) continue;
    const { count, shown } = counter;
    if (count > BigInt(crit)) {
      f.add("critical", `${label(a)} raw value ${shown} is above the critical limit ${crit}`);
    } else if (warn !== null && count > BigInt(warn)) {
      f.add("warning", `${label(a)} raw value ${shown} is above the warning limit ${warn}`);
    }
  }
}

function checkNvme(r: SmartReport, p: SmartPolicyConfig, f: Findings): void {
  const n = r.nvme;
  if (!n) return;
  for (const { bit, what, verdict } of NVME_BITS) {
    if ((n.criticalWarning & bit) !== 0) {
      f.add(
        verdict,
        `NVMe critical_warning is 0x${n.criticalWarning.toString(16).padStart(2, "0")}: ` +
          `bit 0x${bit.toString(16).padStart(2, "0")} set, ${what}`,
      );
    }
  }
  if (n.availableSpare < n.availableSpareThreshold) {
    f.add(
      "critical",
      `NVMe available_spare ${n.availableSpare}% is below available_spare_threshold ${n.availableSpareThreshold}%`,
    );
  }
  if (n.percentageUsed >= 100) {
    f.add("critical", `NVMe percentage_used ${n.percentageUsed}% is at or above 100%`);
  } else if (n.percentageUsed >= p.nvme_percentage_used_warn) {
    f.add(
      "warning",
      `NVMe percentage_used ${n.percentageUsed}% is at or above the warning limit ${p.nvme_percentage_used_warn}%`,
    );
  }
  if (BigInt(n.mediaErrors) > BigInt(p.nvme_media_errors_crit)) {
    f.add(
      "critical",
      `NVMe media_errors ${n.mediaErrors} is above the critical limit ${p.nvme_media_errors_crit}`,
    );
  }
}

function checkScsi(r: SmartReport, p: SmartPolicyConfig, f: Findings): void {
  const g = r.scsi?.grownDefects;
  if (g === null || g === undefined) return;
  if (g > p.scsi_grown_defects_crit) {
    f.add(
      "critical",
      `SCSI grown defect list ${g} is above the critical limit ${p.scsi_grown_defects_crit}`,
    );
  } else if (g > p.scsi_grown_defects_warn) {
    f.add(
      "warning",
      `SCSI grown defect list ${g} is above the warning limit ${p.scsi_grown_defects_warn}`,
    );
  }
}

function checkTemperature(r: SmartReport, p: SmartPolicyConfig, f: Findings): void {
  const t = r.temperatureCelsius ?? r.nvme?.temperatureCelsius ?? null;
  if (t === null) return;
  if (t >= p.temperature_crit) {
    f.add(
      "critical",
      `temperature ${t} °C is at or above the critical limit ${p.temperature_crit} °C`,
    );
  } else if (t >= p.temperature_warn) {
    f.add(
      "warning",
      `temperature ${t} °C is at or above the warning limit ${p.temperature_warn} °C`,
    );
  }
}

function checkSmartctlBits(r: SmartReport, f: Findings, failing: Verdict): void {
  if (r.smartctlExitStatus === null) return;
  const bits = decodeSmartctlExitStatus(r.smartctlExitStatus);
  if (bits.diskFailing && r.smartStatusGood !== false) {
    f.add(failing, "smartctl exit status bit 3: SMART status check returned DISK FAILING");
  }
  if (bits.prefailBelowThreshold && f.verdict !== "critical") {
    f.add(
      "critical",
      "smartctl exit status bit 4: a pre-failure attribute is at or below its threshold",
    );
  }
  if (bits.selfTestErrors) {
    f.add("warning", "smartctl exit status bit 7: the self-test log contains errors");
  }
}

/**
 * Assesses a SMART report against the policy.
 *
 * @param report The normalized report.
 * @param policy The thresholds (`bynar.json` `smart_policy`; see {@linkcode DEFAULT_SMART_POLICY}).
 * @returns The verdict and one sentence per finding (empty when `ok`).
 */
export function assess(
  report: SmartReport,
  policy: SmartPolicyConfig = DEFAULT_SMART_POLICY,
): Assessment {
  if (report.unavailableReason !== null) {
    const config = report.configurationProblem;
    const reasons = config ? [config, report.unavailableReason] : [report.unavailableReason];
    return { verdict: "unknown", reasons };
  }
  const f = new Findings();
  const failing = nvmeStatusFromBits(report) ?? "critical";
  if (report.smartStatusGood === false) f.add(failing, "overall SMART health status is FAILING");
  checkAttributes(report, policy, f);
  checkNvme(report, policy, f);
  checkScsi(report, policy, f);
  checkTemperature(report, policy, f);
  checkSmartctlBits(report, f, failing);
  if (
    f.verdict === "ok" && report.smartStatusGood === null && report.attributes.length === 0 &&
    report.nvme === null && report.scsi === null
  ) {
    return {
      verdict: "unknown",
      reasons: ["the drive reported no SMART status and no attributes"],
    };
  }
  return { verdict: f.verdict, reasons: f.reasons };
}
