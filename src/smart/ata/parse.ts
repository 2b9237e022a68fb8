/**
 * ATA IDENTIFY DEVICE and SMART READ DATA/THRESHOLDS parsing in WebAssembly.
 *
 * @module
 */
import { copyIn, hex32, PageParseError, wasmParser } from "../../wasm/mod.ts";
import type { AtaAttribute, AtaIdentity, AtaSmartData } from "./types.ts";

function ascii(u8: Uint8Array, from: number, len: number): string {
  return String.fromCharCode.apply(null, u8.subarray(from, from + len) as unknown as number[]);
}

/**
 * Parses a 512-byte ATA IDENTIFY DEVICE page.
 *
 * @param page The page as returned by the drive.
 * @param options The device, for error messages.
 * @returns The identity fields.
 * @throws {PageParseError} When the page is shorter than 512 bytes.
 */
export function parseAtaIdentifyWasm(
  page: Uint8Array,
  options: { device?: string } = {},
): AtaIdentity {
  const parser = wasmParser();
  copyIn(parser, page);
  const rc = parser.exports.ataIdentify(page.length);
  if (rc < 0) throw new PageParseError(rc, "the ATA IDENTIFY page", options);
  const out = parser.out;
  const { u8, u32, f64 } = parser.views();
  const w = out >>> 2;
  const checksum = u32[w + 12]!;
  return {
    model: ascii(u8, out + 112, u32[w + 2]!),
    serial: ascii(u8, out + 64, u32[w]!),
    firmware: ascii(u8, out + 96, u32[w + 1]!),
    wwn: u32[w + 5] ? hex32(u32[w + 3]!) + hex32(u32[w + 4]!) : null,
    rotationRate: u32[w + 6]!,
    userSectors: f64[(out + 56) >>> 3]!,
    logicalSectorSize: u32[w + 10]!,
    physicalSectorSize: u32[w + 11]!,
    lba48: u32[w + 7] === 1,
    smartSupported: u32[w + 8] === 1,
    smartEnabled: u32[w + 9] === 1,
    checksumValid: checksum === 0 ? null : checksum === 1,
  };
}

/**
 * Parses a 512-byte SMART READ DATA page and, when given, the 512-byte READ THRESHOLDS
 * page; thresholds are matched to attributes by id (libatasmart semantics).
 *
 * @param data The SMART data page.
 * @param thresholds The thresholds page, or null.
 * @param options The device, for error messages.
 * @returns The parsed page.
 * @throws {PageParseError} When a page is shorter than 512 bytes.
 */
export function parseAtaSmartWasm(
  data: Uint8Array,
  thresholds: Uint8Array | null,
  options: { device?: string } = {},
): AtaSmartData {
  if (data.length < 512 || (thresholds && thresholds.length < 512)) {
    throw new PageParseError(-1, "the ATA SMART pages", options);
  }
  const parser = wasmParser();
  const ptr = parser.inputPtr(1024);
  const { u8, u32, f64 } = parser.views();
  u8.set(data.length === 512 ? data : data.subarray(0, 512), ptr);
  if (thresholds) {
    u8.set(thresholds.length === 512 ? thresholds : thresholds.subarray(0, 512), ptr + 512);
  }
  const rc = parser.exports.ataSmart(thresholds ? 1024 : 512);
  if (rc < 0) throw new PageParseError(rc, "the ATA SMART pages", options);
  const out = parser.out;
  const w = out >>> 2;
  const count = u32[w]!;
  const attributes: AtaAttribute[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const r = out + 64 + i * 32;
    const bits = u8[r + 6]! | (u8[r + 7]! << 8);
    const found = (bits & 128) !== 0;
    attributes[i] = {
      id: u8[r]!,
      flags: u8[r + 4]! | (u8[r + 5]! << 8),
      prefailure: (bits & 1) !== 0,
      online: (bits & 2) !== 0,
      current: u8[r + 1]!,
      currentValid: (bits & 4) !== 0,
      worst: u8[r + 2]!,
      worstValid: (bits & 8) !== 0,
      raw: f64[(r + 8) >>> 3]!,
      rawBytes: [u8[r + 16]!, u8[r + 17]!, u8[r + 18]!, u8[r + 19]!, u8[r + 20]!, u8[r + 21]!],
      threshold: found ? u8[r + 3]! : null,
      thresholdValid: (bits & 16) !== 0,
      goodNow: (bits & 32) !== 0,
      goodNowValid: (bits & 64) !== 0,
      goodInThePast: (bits & 256) !== 0,
      goodInThePastValid: (bits & 512) !== 0,
    };
  }
  const selfTest = u32[w + 2]!;
  return {
    offlineStatus: u32[w + 1]!,
    selfTestStatus: (selfTest >> 4) & 0xf,
    selfTestPercentRemaining: 10 * (selfTest & 0xf),
    offlineSeconds: u32[w + 3]!,
    offlineCapability: u32[w + 4]!,
    smartCapability: u32[w + 5]!,
    shortPollingMinutes: u32[w + 6]!,
    extendedPollingMinutes: u32[w + 7]!,
    conveyancePollingMinutes: u32[w + 8]!,
    checksumValid: u32[w + 9] === 1,
    thresholdsChecksumValid: u32[w + 10] === 1 ? u32[w + 11] === 1 : null,
    attributes,
  };
}
