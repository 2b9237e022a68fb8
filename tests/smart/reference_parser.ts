/**
 * The plain-TypeScript reference parser: the same ATA and NVMe page parsing as the WASM
 * module, written directly against `Uint8Array`. It exists to cross-check the WASM parser
 * (differential and fuzz tests) and as the baseline of the benchmarks.
 *
 * @module
 */
import { hex32, PageParseError } from "../../src/wasm/mod.ts";
import type {
  AtaAttribute,
  AtaIdentity,
  AtaSmartData,
  NvmeHealthLog,
} from "../../src/smart/mod.ts";

function ataString(b: Uint8Array, from: number, len: number): string {
  let s = "";
  let prevSpace = false;
  for (let i = 0; i < len; i++) {
    const c = b[from + (i ^ 1)]!;
    if (c === 0) break;
    const ch = c < 32 || c >= 127 ? 32 : c;
    if (ch === 32) {
      if (s.length > 0) prevSpace = true;
      continue;
    }
    if (prevSpace) {
      s += " ";
      prevSpace = false;
    }
    s += String.fromCharCode(ch);
  }
  return s;
}

/**
 * Parses a 512-byte ATA IDENTIFY DEVICE page (reference implementation).
 *
 * @param page The page.
 * @param options The device, for error messages.
 * @returns The identity fields, equal to {@linkcode parseAtaIdentifyWasm}'s.
 * @throws {PageParseError} When the page is shorter than 512 bytes.
 */
export function parseAtaIdentifyTs(
  page: Uint8Array,
  options: { device?: string } = {},
): AtaIdentity {
  if (page.length < 512) throw new PageParseError(-1, "the ATA IDENTIFY page", options);
  const word = (n: number): number => page[2 * n]! | (page[2 * n + 1]! << 8);
  const w87 = word(87);
  const hi = ((word(108) << 16) | word(109)) >>> 0;
  const lo = ((word(110) << 16) | word(111)) >>> 0;
  const w83 = word(83);
  const lba48 = (w83 & 0xc000) === 0x4000 && (w83 & 0x400) !== 0;
  const w82 = word(82);
  const w82ok = w82 !== 0 && w82 !== 0xffff;
  const w106 = word(106);
  let logical = 512;
  let physical = 512;
  if ((w106 & 0xc000) === 0x4000) {
    if (w106 & 0x1000) {
      const words = ((word(118) << 16) | word(117)) >>> 0;
      if (words >= 256 && words <= 0x8000) logical = words * 2;
    }
    physical = w106 & 0x2000 ? logical * 2 ** (w106 & 0xf) : logical;
  }
  let checksumValid: boolean | null = null;
  if ((word(255) & 0xff) === 0xa5) {
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += page[i]!;
    checksumValid = (sum & 0xff) === 0;
  }
  let capacity = 0;
  if (lba48) {
    capacity = word(100) + word(101) * 65536 + word(102) * 4294967296 +
      word(103) * 281474976710656;
  }
  if (capacity === 0) capacity = ((word(61) << 16) | word(60)) >>> 0;
  return {
    model: ataString(page, 54, 40),
    serial: ataString(page, 20, 20),
    firmware: ataString(page, 46, 8),
    wwn: (w87 & 0xc000) === 0x4000 && (w87 & 0x100) !== 0 && (hi | lo) !== 0
      ? hex32(hi) + hex32(lo)
      : null,
    rotationRate: word(217),
    userSectors: capacity,
    logicalSectorSize: logical,
    physicalSectorSize: physical,
    lba48,
    smartSupported: w82ok && (w82 & 1) !== 0,
    smartEnabled: w82ok && (word(85) & 1) !== 0,
    checksumValid,
  };
}

/**
 * Parses the SMART data page and optional thresholds page (reference implementation).
 *
 * @param data The 512-byte SMART data page.
 * @param thresholds The 512-byte thresholds page, or null.
 * @param options The device, for error messages.
 * @returns The parsed page, equal to {@linkcode parseAtaSmartWasm}'s.
 * @throws {PageParseError} When a page is shorter than 512 bytes.
 */
export function parseAtaSmartTs(
  data: Uint8Array,
  thresholds: Uint8Array | null,
  options: { device?: string } = {},
): AtaSmartData {
  if (data.length < 512 || (thresholds && thresholds.length < 512)) {
    throw new PageParseError(-1, "the ATA SMART pages", options);
  }
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += data[i]!;
  let tsum = 0;
  if (thresholds) { for (let i = 0; i < 512; i++) tsum += thresholds[i]!; }
  const attributes: AtaAttribute[] = [];
  for (let n = 0; n < 30; n++) {
    const p = 2 + n * 12;
    const id = data[p]!;
    if (id === 0) continue;
    const f1 = data[p + 1]!;
    const current = data[p + 3]!;
    const worst = data[p + 4]!;
    const currentValid = current >= 1 && current <= 0xfd;
    const worstValid = worst >= 1 && worst <= 0xfd;
    let threshold: number | null = null;
    let goodNow = false;
    let goodNowValid = false;
    let goodInThePast = false;
    let goodInThePastValid = false;
    if (thresholds) {
      for (let m = 0; m < 30; m++) {
        const q = 2 + m * 12;
        if (thresholds[q] !== id) continue;
        threshold = thresholds[q + 1]!;
        goodNow = true;
        goodInThePast = true;
        if (threshold >= 1 && threshold <= 0xfd) {
          if (worstValid) {
            goodInThePast = worst > threshold;
            goodInThePastValid = true;
          }
          if (currentValid) {
            goodNow = current > threshold;
            goodNowValid = true;
          }
        }
        break;
      }
    }
    const rawBytes = [
      data[p + 5]!,
      data[p + 6]!,
      data[p + 7]!,
      data[p + 8]!,
      data[p + 9]!,
      data[p + 10]!,
    ];
    attributes.push({
      id,
      flags: f1 | (data[p + 2]! << 8),
      prefailure: (f1 & 1) !== 0,
      online: (f1 & 2) !== 0,
      current,
      currentValid,
      worst,
      worstValid,
      raw: rawBytes[0]! + rawBytes[1]! * 2 ** 8 + rawBytes[2]! * 2 ** 16 + rawBytes[3]! * 2 ** 24 +
        rawBytes[4]! * 2 ** 32 + rawBytes[5]! * 2 ** 40,
      rawBytes,
      threshold,
      thresholdValid: threshold !== null && threshold !== 0xfe,
      goodNow,
      goodNowValid,
      goodInThePast,
      goodInThePastValid,
    });
  }
  const selfTest = data[363]!;
  return {
    offlineStatus: data[362]!,
    selfTestStatus: (selfTest >> 4) & 0xf,
    selfTestPercentRemaining: 10 * (selfTest & 0xf),
    offlineSeconds: data[364]! | (data[365]! << 8),
    offlineCapability: data[367]!,
    smartCapability: data[368]! | (data[369]! << 8),
    shortPollingMinutes: data[372]!,
    extendedPollingMinutes: data[373] !== 0xff ? data[373]! : (data[376]! << 8) | data[375]!,
    conveyancePollingMinutes: data[374]!,
    checksumValid: (sum & 0xff) === 0,
    thresholdsChecksumValid: thresholds ? (tsum & 0xff) === 0 : null,
    attributes,
  };
}

function le(page: Uint8Array, at: number, bytes: number): bigint {
  let v = 0n;
  for (let i = bytes - 1; i >= 0; i--) v = (v << 8n) | BigInt(page[at + i]!);
  return v;
}

/**
 * Parses a 512-byte NVMe SMART / Health log page (reference implementation).
 *
 * @param page The log page.
 * @param options The device, for error messages.
 * @returns The health log, equal to {@linkcode parseNvmeHealthWasm}'s.
 * @throws {PageParseError} When the page is shorter than 512 bytes.
 */
export function parseNvmeHealthTs(
  page: Uint8Array,
  options: { device?: string } = {},
): NvmeHealthLog {
  if (page.length < 512) throw new PageParseError(-1, "the NVMe health log page", options);
  const u16 = (at: number): number => page[at]! | (page[at + 1]! << 8);
  const u32 = (at: number): number => (u16(at) | (u16(at + 2) << 16)) >>> 0;
  const sensors: number[] = [];
  for (let i = 0; i < 8; i++) sensors.push(u16(200 + 2 * i));
  return {
    criticalWarning: page[0]!,
    temperatureKelvin: u16(1),
    availableSpare: page[3]!,
    availableSpareThreshold: page[4]!,
    percentageUsed: page[5]!,
    enduranceGroupWarning: page[6]!,
    dataUnitsRead: le(page, 32, 16),
    dataUnitsWritten: le(page, 48, 16),
    hostReads: le(page, 64, 16),
    hostWrites: le(page, 80, 16),
    controllerBusyTime: le(page, 96, 16),
    powerCycles: le(page, 112, 16),
    powerOnHours: le(page, 128, 16),
    unsafeShutdowns: le(page, 144, 16),
    mediaErrors: le(page, 160, 16),
    numErrLogEntries: le(page, 176, 16),
    warningTempTime: u32(192),
    criticalCompTime: u32(196),
    temperatureSensors: sensors,
  };
}
