/**
 * The hardware health policy: a pure function from what the BMC reports and the configured
 * thresholds to a verdict per part and per temperature sensor, with reasons.
 *
 * Rules (defaults in the README):
 * - critical, replace: a part whose own `Status.Health` is Critical (a failed PSU, fan,
 *   DIMM, CPU, controller or drive); a DIMM with uncorrectable ECC errors, or correctable
 *   errors above `memory_correctable_crit`; a drive that predicts its failure
 *   (`FailurePredicted`) or whose media life left is at or below `drive_life_left_crit`;
 *   a part that was present before and whose slot is now empty (`State: Absent`) or gone.
 * - warning: `Status.Health` Warning; a DIMM with correctable errors above
 *   `memory_correctable_warn`; a drive's media life left at or below `drive_life_left_warn`;
 *   a part present but `UnavailableOffline`; a PSU that lost its input (a feed problem,
 *   not a PSU fault: no ticket); a temperature at or above its caution threshold.
 * - critical (no part to replace): a temperature at or above its critical or fatal
 *   threshold. Chassis, system and manager resources whose own Health is Critical are
 *   reported critical but not ticketed automatically: the board is diagnosed by the vendor.
 * - ok: an empty slot never seen occupied (`State: Absent`), a disabled part or sensor.
 * - `HealthRollup` is shown but never judged: it repeats the children's findings.
 *
 * @module
 */
import type { Verdict } from "../smart/model.ts";
import { worseVerdict } from "../smart/model.ts";
import {
  type HardwareAssessment,
  type HardwareInventory,
  type HardwarePart,
  HOST_DOWN_KINDS,
  type PartAssessment,
  type PartKind,
  type TemperatureAssessment,
  type TemperatureSensor,
} from "./model.ts";

/** Thresholds of the hardware policy. */
export interface HardwarePolicyConfig {
  /** Correctable ECC errors of one DIMM above which it is a warning. */
  memory_correctable_warn: number;
  /** Correctable ECC errors of one DIMM above which it is replaced. */
  memory_correctable_crit: number;
  /** Drive media life left (%) at or below which it is a warning. */
  drive_life_left_warn: number;
  /** Drive media life left (%) at or below which it is replaced. */
  drive_life_left_crit: number;
}

/** The default thresholds (the same as the config schema's defaults). */
export const DEFAULT_HARDWARE_POLICY: HardwarePolicyConfig = Object.freeze({
  memory_correctable_warn: 10,
  memory_correctable_crit: 100,
  drive_life_left_warn: 10,
  drive_life_left_crit: 2,
});

/** A slot known from earlier passes (for "missing" detection). */
export interface KnownSlot {
  /** The slot. */
  slot: string;
  /** The serial seen last. */
  serialNumber: string | null;
  /** When it was last seen present (ISO). */
  lastSeen: string;
}

/** Options of {@linkcode assessHardware}. */
export interface AssessHardwareOptions {
  /**
   * Slots that held a part in earlier passes: empty or gone now means "missing".
   * @default []
   */
  known?: KnownSlot[];
}

/** Part kinds Bynar files tickets for. */
const REPLACEABLE: ReadonlySet<PartKind> = new Set<PartKind>([
  "power_supply",
  "fan",
  "memory",
  "processor",
  "storage_controller",
  "drive",
]);

const KIND_NAMES: Record<PartKind, string> = {
  power_supply: "power supply",
  fan: "fan",
  memory: "memory module",
  processor: "processor",
  storage_controller: "storage controller",
  drive: "drive",
  chassis: "chassis",
  system: "system board",
  manager: "BMC",
};

class Findings {
  verdict: Verdict = "ok";
  reasons: string[] = [];
  replace = false;
  add(verdict: Verdict, reason: string, replace = false): void {
    this.verdict = worseVerdict(this.verdict, verdict);
    this.reasons.push(reason);
    if (replace) this.replace = true;
  }
}

function statusText(part: HardwarePart): string {
  const bits = [`State ${part.state ?? "not reported"}`];
  if (part.healthRollup && part.healthRollup !== part.health) {
    bits.push(`HealthRollup ${part.healthRollup}`);
  }
  return bits.join(", ");
}

function assessMemory(part: HardwarePart, p: HardwarePolicyConfig, f: Findings): void {
  const e = part.evidence;
  if (e.uncorrectableErrors !== undefined && e.uncorrectableErrors > 0) {
    f.add(
      "critical",
      `${part.name} reports ${e.uncorrectableErrors} uncorrectable ECC error(s)`,
      true,
    );
  }
  if (e.correctableErrors !== undefined) {
    if (e.correctableErrors > p.memory_correctable_crit) {
      f.add(
        "critical",
        `${part.name} reports ${e.correctableErrors} correctable ECC errors, above the ` +
          `replacement limit ${p.memory_correctable_crit}`,
        true,
      );
    } else if (e.correctableErrors > p.memory_correctable_warn) {
      f.add(
        "warning",
        `${part.name} reports ${e.correctableErrors} correctable ECC errors, above the ` +
          `warning limit ${p.memory_correctable_warn}`,
      );
    }
  }
  for (const alarm of e.alarmTrips ?? []) {
    const uncorrectable = /Uncorrectable/i.test(alarm);
    f.add(
      uncorrectable ? "critical" : "warning",
      `${part.name}: the BMC tripped alarm ${alarm}`,
      uncorrectable,
    );
  }
}

function assessDrive(part: HardwarePart, p: HardwarePolicyConfig, f: Findings): void {
  const e = part.evidence;
  const behind = e.controller ? ` behind controller ${e.controller}` : "";
  if (e.failurePredicted === true) {
    f.add("critical", `${part.name}${behind} predicts its own failure (FailurePredicted)`, true);
  }
  const life = e.predictedMediaLifeLeftPercent;
  if (life !== undefined) {
    if (life <= p.drive_life_left_crit) {
      f.add(
        "critical",
        `${part.name}${behind} has ${life}% media life left, at or below the replacement ` +
          `limit ${p.drive_life_left_crit}%`,
        true,
      );
    } else if (life <= p.drive_life_left_warn) {
      f.add(
        "warning",
        `${part.name}${behind} has ${life}% media life left, at or below the warning limit ` +
          `${p.drive_life_left_warn}%`,
      );
    }
  }
}

/**
 * Judges one part.
 *
 * @param part The part as the BMC reports it.
 * @param policy Thresholds.
 * @param options Slots known from earlier passes.
 * @returns The verdict, reasons, and whether to replace it (and with the host down).
 */
export function assessPart(
  part: HardwarePart,
  policy: HardwarePolicyConfig = DEFAULT_HARDWARE_POLICY,
  options: AssessHardwareOptions = {},
): PartAssessment {
  const f = new Findings();
  const what = KIND_NAMES[part.kind];
  const replaceable = REPLACEABLE.has(part.kind);
  const known = options.known?.find((k) => k.slot === part.slot);
  if (part.state === "Absent") {
    if (known && replaceable) {
      f.add(
        "critical",
        `The ${what} in ${part.location ?? part.name} (serial ${
          known.serialNumber ?? "unknown"
        }, last seen ${known.lastSeen}) is missing: the BMC reports the slot empty`,
        true,
      );
    }
    return done(part, f, replaceable);
  }
  if (part.health === "Critical") {
    if (replaceable) {
      f.add(
        "critical",
        `The BMC reports the ${what} ${part.name} failed: Health Critical (${statusText(part)})`,
        true,
      );
    } else {
      f.add(
        "critical",
        `The BMC reports the ${what} ${part.name} Health Critical (${statusText(part)}); ` +
          `ask the vendor to diagnose the board`,
      );
    }
  } else if (part.health === "Warning") {
    f.add(
      "warning",
      `The BMC reports the ${what} ${part.name} Health Warning (${statusText(part)})`,
    );
  }
  if (part.state === "UnavailableOffline") {
    f.add("warning", `The ${what} ${part.name} is present but offline (State UnavailableOffline)`);
  }
  if (part.kind === "memory") assessMemory(part, policy, f);
  if (part.kind === "drive") assessDrive(part, policy, f);
  return done(part, f, replaceable);
}

function done(part: HardwarePart, f: Findings, replaceable: boolean): PartAssessment {
  const replace = f.replace && replaceable;
  return {
    part,
    verdict: f.verdict,
    reasons: f.reasons,
    replace,
    needsHostDown: replace && HOST_DOWN_KINDS.has(part.kind),
  };
}

/**
 * Judges one temperature sensor: Reading against its upper thresholds.
 *
 * @param sensor The sensor.
 * @returns The verdict and reasons (a sensor without a reading is ok, with no reason).
 */
export function assessTemperature(sensor: TemperatureSensor): TemperatureAssessment {
  const f = new Findings();
  const r = sensor.readingCelsius;
  if (r !== null && sensor.state !== "Absent" && sensor.state !== "Disabled") {
    const at = `${sensor.name} reads ${r} °C`;
    if (sensor.upperFatal !== null && r >= sensor.upperFatal) {
      f.add("critical", `${at}, at or above its fatal threshold ${sensor.upperFatal} °C`);
    } else if (sensor.upperCritical !== null && r >= sensor.upperCritical) {
      f.add("critical", `${at}, at or above its critical threshold ${sensor.upperCritical} °C`);
    } else if (sensor.upperCaution !== null && r >= sensor.upperCaution) {
      f.add("warning", `${at}, at or above its caution threshold ${sensor.upperCaution} °C`);
    }
  }
  if (sensor.health === "Critical" && f.verdict !== "critical") {
    f.add("critical", `The BMC reports the sensor ${sensor.name} Health Critical`);
  } else if (sensor.health === "Warning" && f.verdict === "ok") {
    f.add("warning", `The BMC reports the sensor ${sensor.name} Health Warning`);
  }
  return { sensor, verdict: f.verdict, reasons: f.reasons };
}

/**
 * Judges a whole inventory.
 *
 * A BMC that could not be read completely (`problems`) makes the verdict at least
 * `unknown`-worthy for the caller: the worst part verdict is kept, and the problems are
 * reported by the caller; a read failure never counts as a failed part.
 *
 * @param inventory What the BMC reported.
 * @param policy Thresholds.
 * @param options Slots known from earlier passes.
 * @returns Verdicts per part and sensor, missing slots, and the worst verdict.
 */
export function assessHardware(
  inventory: HardwareInventory,
  policy: HardwarePolicyConfig = DEFAULT_HARDWARE_POLICY,
  options: AssessHardwareOptions = {},
): HardwareAssessment {
  const parts = inventory.parts.map((p) => assessPart(p, policy, options));
  const temperatures = inventory.temperatures.map(assessTemperature);
  const present = new Set(inventory.parts.map((p) => p.slot));
  // A slot that vanished from the collection entirely is missing too, but only when the
  // walk was complete: a resource we could not read is not a removed part.
  const missing = inventory.problems.length
    ? []
    : (options.known ?? []).filter((k) => !present.has(k.slot)).map((k) => ({ ...k }));
  let verdict: Verdict = "ok";
  for (const a of [...parts, ...temperatures]) verdict = worseVerdict(verdict, a.verdict);
  if (missing.length) verdict = "critical";
  return { verdict, parts, temperatures, missing };
}
