/**
 * Typed results of the ATA page parsers (the WASM parser, and the TypeScript reference parser
 * in tests/ that cross-checks it).
 *
 * Pure data: both parsers return exactly these shapes so they can be compared field by
 * field.
 *
 * @module
 */

/** ATA IDENTIFY DEVICE fields. */
export interface AtaIdentity {
  /** Model, byte-swapped, cleaned and trimmed like libatasmart. */
  model: string;
  /** Serial number, cleaned like libatasmart. */
  serial: string;
  /** Firmware revision, cleaned like libatasmart. */
  firmware: string;
  /** World Wide Name as 16 lower-case hex digits, or null when not reported. */
  wwn: string | null;
  /** Nominal media rotation rate (word 217): 1 = non-rotating (SSD), 0 = not reported. */
  rotationRate: number;
  /** User-addressable capacity in logical sectors (LBA48 when supported, else LBA28). */
  userSectors: number;
  /** Logical sector size in bytes. */
  logicalSectorSize: number;
  /** Physical sector size in bytes. */
  physicalSectorSize: number;
  /** 48-bit addressing supported. */
  lba48: boolean;
  /** SMART feature set supported. */
  smartSupported: boolean;
  /** SMART feature set enabled. */
  smartEnabled: boolean;
  /** Integrity word 255: `null` when not present, else whether the checksum is right. */
  checksumValid: boolean | null;
}

/** One ATA SMART attribute slot, with its threshold matched by id. */
export interface AtaAttribute {
  /** Attribute id (1–255). */
  id: number;
  /** 16-bit flags word. */
  flags: number;
  /** Flags bit 0. */
  prefailure: boolean;
  /** Flags bit 1. */
  online: boolean;
  /** Normalized current value. */
  current: number;
  /** `current` is in 1..253. */
  currentValid: boolean;
  /** Worst value seen. */
  worst: number;
  /** `worst` is in 1..253. */
  worstValid: boolean;
  /** The 48-bit raw value (exact: below 2^53). */
  raw: number;
  /** The six raw bytes, little-endian. */
  rawBytes: number[];
  /** The threshold from the thresholds page, or null when none matches the id. */
  threshold: number | null;
  /** A threshold was found and is not 0xFE (libatasmart's `threshold_valid`). */
  thresholdValid: boolean;
  /** Current is above the threshold (libatasmart's `good_now`; false when no threshold). */
  goodNow: boolean;
  /** `goodNow` could be assessed (libatasmart's `good_now_valid`). */
  goodNowValid: boolean;
  /** Worst is above the threshold (libatasmart's `good_in_the_past`). */
  goodInThePast: boolean;
  /** `goodInThePast` could be assessed (libatasmart's `good_in_the_past_valid`). */
  goodInThePastValid: boolean;
}

/** ATA SMART READ DATA page fields, with attributes and matched thresholds. */
export interface AtaSmartData {
  /** Off-line data collection status byte (offset 362). */
  offlineStatus: number;
  /** Self-test execution status (high nibble of byte 363). */
  selfTestStatus: number;
  /** Self-test percent remaining (low nibble of byte 363 × 10). */
  selfTestPercentRemaining: number;
  /** Total time to complete off-line data collection, seconds. */
  offlineSeconds: number;
  /** Off-line data collection capability byte (367). */
  offlineCapability: number;
  /** SMART capability word (368–369). */
  smartCapability: number;
  /** Short self-test polling time, minutes. */
  shortPollingMinutes: number;
  /** Extended self-test polling time, minutes (uses the 16-bit field when byte 373 = 0xFF). */
  extendedPollingMinutes: number;
  /** Conveyance self-test polling time, minutes. */
  conveyancePollingMinutes: number;
  /** The data page checksum (byte 511) makes the page sum to 0 mod 256. */
  checksumValid: boolean;
  /** Whether a thresholds page was given, and its checksum. */
  thresholdsChecksumValid: boolean | null;
  /** The non-empty attribute slots in page order. */
  attributes: AtaAttribute[];
}
