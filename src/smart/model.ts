/**
 * The normalized SMART model every source (libatasmart, smartctl JSON, the WASM parser)
 * produces, and the verdict the health policy derives from it.
 *
 * Pure data: no I/O here.
 *
 * @module
 */

/** The transport protocol SMART data was read over. */
export type SmartProtocol = "ATA" | "NVMe" | "SCSI" | "unknown";

/** Where a SMART report came from. */
export type SmartSourceName = "libatasmart" | "smartctl" | "wasm" | "none";

/**
 * The reader that talks to a device: the NVMe Get Log Page ioctl, ATA PASS-THROUGH
 * through SG_IO, libatasmart, or smartctl.
 */
export type SmartReader = "nvme-ioctl" | "ata-sg-io" | "libatasmart" | "smartctl";

/** One reader tried by the read chain, and why it did not answer. */
export interface SmartAttempt {
  /** The reader. */
  reader: SmartReader;
  /** Whether this reader produced the report. */
  answered: boolean;
  /** Why it did not answer (null when it answered). */
  reason: string | null;
  /**
   * The attempt was refused by Bynar's own permission sandbox (Deno's NotCapable /
   * PermissionDenied): a Bynar configuration problem, never a disk fault.
   */
  sandboxRefused: boolean;
}

/** Health verdict of a disk, ordered from best to worst except `unknown`. */
export type Verdict = "ok" | "warning" | "critical" | "unknown";

/** Identity fields SMART reports about the drive. */
export interface SmartIdentify {
  /** Model string, trimmed. */
  model: string;
  /** Serial number, trimmed. */
  serial: string;
  /** Firmware revision, trimmed. */
  firmware: string;
  /** World Wide Name as 16 lower-case hex digits, when reported. */
  wwn: string | null;
}

/** One ATA SMART attribute. */
export interface SmartAttribute {
  /** Attribute id (1–255). */
  id: number;
  /** Attribute name (libatasmart/smartctl naming), or `attribute-<id>` when unknown. */
  name: string;
  /** Normalized current value. */
  current: number;
  /** Worst normalized value seen. */
  worst: number;
  /** Failure threshold, or null when no threshold is known. */
  threshold: number | null;
  /** The raw value as the little-endian 48-bit integer. */
  raw: number;
  /** Pre-failure bit of the flags: at or below threshold means imminent failure. */
  prefailure: boolean;
  /** Online-collection bit of the flags. */
  online: boolean;
  /** The raw 16-bit flags word, when known. */
  flags: number | null;
  /**
   * The raw value as an exact decimal string (`raw` loses precision above 2^53, which
   * smartctl's vendor-specific raw values can exceed). Optional for compatibility.
   */
  rawExact?: string;
  /** A human-readable interpretation of the raw value (e.g. `10.2 months`, `47.0 C`). */
  pretty?: string;
  /**
   * The event count the source's drive database derives from the raw value (decimal
   * string), e.g. smartctl's `2 2 2` → `2`, libatasmart's 16-bit Fujitsu reallocation
   * count. `null` when the database says the raw value's meaning is vendor-specific and
   * unknown (not a count); absent when the source gives no interpretation (use `raw`).
   */
  count?: string | null;
}

/** NVMe SMART / Health Information log (page 02h) fields. */
export interface NvmeHealth {
  /** Critical warning bit field (bit 0 spare, 1 temperature, 2 reliability, 3 read-only, 4 backup). */
  criticalWarning: number;
  /** Composite temperature in degrees Celsius. */
  temperatureCelsius: number | null;
  /** Available spare, percent. */
  availableSpare: number;
  /** Available spare threshold, percent. */
  availableSpareThreshold: number;
  /** Percentage used (may exceed 100). */
  percentageUsed: number;
  /** Media and data integrity errors (128-bit counter as a decimal string). */
  mediaErrors: string;
  /** Number of error information log entries (128-bit counter as a decimal string). */
  numErrLogEntries: string;
  /** Power-on hours (decimal string). */
  powerOnHours: string | null;
  /** Unsafe shutdowns (decimal string). */
  unsafeShutdowns: string | null;
  /** Power cycles (decimal string). */
  powerCycles: string | null;
  /** Data units read, thousands of 512-byte units (decimal string). */
  dataUnitsRead: string | null;
  /** Data units written, thousands of 512-byte units (decimal string). */
  dataUnitsWritten: string | null;
}

/** SCSI/SAS health counters. */
export interface ScsiHealth {
  /** Entries in the grown defect list, when reported. */
  grownDefects: number | null;
  /** Total uncorrected read errors, when reported. */
  readUncorrected: number | null;
  /** Total uncorrected write errors, when reported. */
  writeUncorrected: number | null;
}

/** A normalized SMART report. */
export interface SmartReport {
  /** The source that produced it. */
  source: SmartSourceName;
  /** The protocol. */
  protocol: SmartProtocol;
  /** The device path or file the data came from. */
  device: string;
  /** Identity, when the drive reported one. */
  identify: SmartIdentify | null;
  /** Overall SMART status: true good, false failing, null when not reported. */
  smartStatusGood: boolean | null;
  /** ATA attributes (empty for NVMe/SCSI). */
  attributes: SmartAttribute[];
  /** NVMe health log, for NVMe drives. */
  nvme: NvmeHealth | null;
  /** SCSI counters, for SCSI/SAS drives. */
  scsi: ScsiHealth | null;
  /** Power-on hours, when known. */
  powerOnHours: number | null;
  /** Current temperature in degrees Celsius, when known. */
  temperatureCelsius: number | null;
  /** smartctl's exit status bit mask, when smartctl was used. */
  smartctlExitStatus: number | null;
  /** Why SMART data is not available (e.g. a virtio disk), or null when it is. */
  unavailableReason: string | null;
  /** Power cycle count, when known. */
  powerCycles?: number | null;
  /** libatasmart's overall verdict name (e.g. `GOOD`, `BAD_SECTOR`), for libatasmart reports. */
  ataOverall?: string | null;
  /** smartctl's own messages (`smartctl.messages[].string`), when smartctl was used. */
  messages?: string[];
  /** Every reader the read chain tried, in order, with why each one did not answer. */
  attempts?: SmartAttempt[];
  /**
   * Set when no reader answered because Bynar's own sandbox refused a step: what was
   * refused and the fix. The verdict is then `unknown` (a configuration problem of Bynar,
   * never a disk fault).
   */
  configurationProblem?: string | null;
}

/** The verdict and its human-readable reasons. */
export interface Assessment {
  /** The verdict. */
  verdict: Verdict;
  /** Sentences naming the attribute and value behind the verdict. */
  reasons: string[];
}

/**
 * Returns the worse of two verdicts (`critical` > `warning` > `unknown` > `ok`).
 *
 * @param a One verdict.
 * @param b The other verdict.
 * @returns The worse one.
 */
export function worseVerdict(a: Verdict, b: Verdict): Verdict {
  const rank: Record<Verdict, number> = { ok: 0, unknown: 1, warning: 2, critical: 3 };
  return rank[a] >= rank[b] ? a : b;
}

/**
 * Creates an empty report for a device with no SMART data.
 *
 * @param device The device path.
 * @param reason Why SMART is not available.
 * @returns A report with `source: "none"`.
 */
export function unavailableReport(device: string, reason: string): SmartReport {
  return {
    source: "none",
    protocol: "unknown",
    device,
    identify: null,
    smartStatusGood: null,
    attributes: [],
    nvme: null,
    scsi: null,
    powerOnHours: null,
    temperatureCelsius: null,
    smartctlExitStatus: null,
    unavailableReason: reason,
  };
}
