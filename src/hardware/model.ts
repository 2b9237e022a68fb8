/**
 * The model of a server's hardware as its BMC reports it: parts (power supplies, fans,
 * memory modules, processors, storage controllers, drives, boards), temperature sensors,
 * and the system event log. Vendor-neutral: the Redfish adapter fills it in, the policy
 * and the faces (`--check`, `bynar hardware`, the detector) read it.
 *
 * @module
 */
import type { Verdict } from "../smart/model.ts";

/** What kind of part a {@linkcode HardwarePart} is. */
export type PartKind =
  | "power_supply"
  | "fan"
  | "memory"
  | "processor"
  | "storage_controller"
  | "drive"
  | "chassis"
  | "system"
  | "manager";

/** Redfish `Status.Health` / `HealthRollup`. */
export type Health = "OK" | "Warning" | "Critical";

/** One replaceable part, with its identity and status. */
export interface HardwarePart {
  /** The kind of part. */
  kind: PartKind;
  /**
   * The slot: stable across replacements (`<kind>:<owner>/<location or Id>`). A new serial
   * in the same slot is a replacement.
   */
  slot: string;
  /** The resource URI (`@odata.id`; with a `#/…` fragment for legacy array members). */
  uri: string;
  /** Redfish `Id` (or `MemberId` in the legacy Power/Thermal arrays). */
  id: string;
  /** Human name. */
  name: string;
  /** Manufacturer, when reported. */
  manufacturer: string | null;
  /** Model, when reported. */
  model: string | null;
  /** Serial number, when reported. */
  serialNumber: string | null;
  /** Part number, when reported. */
  partNumber: string | null;
  /** Spare (FRU) part number, when reported. */
  sparePartNumber: string | null;
  /** Where the technician finds it (service label, socket/slot), when reported. */
  location: string | null;
  /** `Status.State` (e.g. Enabled, Absent, Disabled, UnavailableOffline). */
  state: string | null;
  /** `Status.Health`. */
  health: Health | null;
  /** `Status.HealthRollup` (the part and what it contains). */
  healthRollup: Health | null;
  /** Which Redfish shape it came from (e.g. `PowerSubsystem`, `Power (legacy)`). */
  source: string;
  /** Measured facts the policy reads and tickets quote (error counters, predictions). */
  evidence: PartEvidence;
}

/** Facts about a part beyond its status. */
export interface PartEvidence {
  /** Memory: correctable ECC errors (MemoryMetrics CurrentPeriod, else LifeTime). */
  correctableErrors?: number;
  /** Memory: uncorrectable ECC errors. */
  uncorrectableErrors?: number;
  /** Memory: the BMC's own alarm bits that are set (MemoryMetrics HealthData.AlarmTrips). */
  alarmTrips?: string[];
  /** Drive: the drive predicts its own failure. */
  failurePredicted?: boolean;
  /** Drive: remaining media life, percent. */
  predictedMediaLifeLeftPercent?: number;
  /** Drive: the storage controller it sits behind (slot). */
  controller?: string;
  /** Vendor-specific notes kept from OEM sections. */
  oem?: string[];
}

/** A temperature reading with its thresholds. */
export interface TemperatureSensor {
  /** Stable key (`temperature:<chassis>/<Id or MemberId>`). */
  slot: string;
  /** The resource URI. */
  uri: string;
  /** Name. */
  name: string;
  /** Physical context (CPU, Intake, …), when reported. */
  context: string | null;
  /** Reading in °C, or null when the sensor gives none. */
  readingCelsius: number | null;
  /** Upper caution (non-critical) threshold. */
  upperCaution: number | null;
  /** Upper critical threshold. */
  upperCritical: number | null;
  /** Upper fatal threshold. */
  upperFatal: number | null;
  /** `Status.State`. */
  state: string | null;
  /** `Status.Health`. */
  health: Health | null;
  /** `Sensors` or `Thermal (legacy)`. */
  source: string;
}

/** One entry of a BMC log (system event log or manager log). */
export interface BmcLogEntry {
  /** The entry URI. */
  uri: string;
  /** Created (ISO), when reported. */
  created: string | null;
  /** OK, Warning, Critical. */
  severity: string | null;
  /** The message. */
  message: string;
  /** The resource the entry is about, when linked. */
  origin: string | null;
}

/** Everything read from one BMC. */
export interface HardwareInventory {
  /** The BMC endpoint (origin). */
  endpoint: string;
  /** Service root facts. */
  service: { redfishVersion: string | null; uuid: string | null; vendor: string | null };
  /** The parts. */
  parts: HardwarePart[];
  /** Temperature sensors. */
  temperatures: TemperatureSensor[];
  /** The newest log entries (system event log first). */
  events: BmcLogEntry[];
  /** Resources that could not be read; the inventory is partial when non-empty. */
  problems: string[];
}

/** The policy's view of one part. */
export interface PartAssessment {
  /** The part. */
  part: HardwarePart;
  /** ok, warning, critical, or unknown (the BMC reports nothing usable). */
  verdict: Verdict;
  /** Why. */
  reasons: string[];
  /** True when this part should be replaced (a ticket is warranted). */
  replace: boolean;
  /** True when replacing it needs the host powered down (DIMM, CPU, board). */
  needsHostDown: boolean;
}

/** The policy's view of one temperature sensor. */
export interface TemperatureAssessment {
  /** The sensor. */
  sensor: TemperatureSensor;
  /** The verdict. */
  verdict: Verdict;
  /** Why. */
  reasons: string[];
}

/** The policy's view of a whole inventory. */
export interface HardwareAssessment {
  /** Worst verdict over parts and sensors (problems reading the BMC make it unknown). */
  verdict: Verdict;
  /** Every part. */
  parts: PartAssessment[];
  /** Every temperature sensor. */
  temperatures: TemperatureAssessment[];
  /** Slots that held a part before and are now empty or gone. */
  missing: { slot: string; serialNumber: string | null; lastSeen: string }[];
}

/** Part kinds whose replacement needs the host down (a RAID controller is a PCIe card). */
export const HOST_DOWN_KINDS: ReadonlySet<PartKind> = new Set<PartKind>([
  "memory",
  "processor",
  "storage_controller",
  "system",
  "chassis",
]);

/**
 * A short identity line for a part: name, model, serial, part number, location.
 *
 * @param part The part.
 * @returns e.g. `Fan Bay 1 (model RKS-440DC, serial 123, part 23456-133, at "Chassis Fan Bay 1")`.
 */
export function partLabel(part: HardwarePart): string {
  const bits: string[] = [];
  if (part.model) bits.push(`model ${part.model}`);
  bits.push(`serial ${part.serialNumber ?? "unknown"}`);
  if (part.partNumber) bits.push(`part ${part.partNumber}`);
  if (part.location) bits.push(`at "${part.location}"`);
  return `${part.name} (${bits.join(", ")})`;
}
