/**
 * NVMe SMART / Health Information log page (02h) parsing in WebAssembly.
 *
 * @module
 */
import { copyIn, PageParseError, wasmParser } from "../../wasm/mod.ts";
import type { NvmeHealthLog } from "./types.ts";

function u128(u32: Uint32Array, w: number): bigint {
  const lo = BigInt(u32[w]!) | (BigInt(u32[w + 1]!) << 32n);
  const hi = BigInt(u32[w + 2]!) | (BigInt(u32[w + 3]!) << 32n);
  return (hi << 64n) | lo;
}

/**
 * Parses a 512-byte NVMe SMART / Health Information log page; 128-bit counters are
 * returned as bigints without loss of precision.
 *
 * @param page The log page.
 * @param options The device, for error messages.
 * @returns The health log.
 * @throws {PageParseError} When the page is shorter than 512 bytes.
 */
export function parseNvmeHealthWasm(
  page: Uint8Array,
  options: { device?: string } = {},
): NvmeHealthLog {
  const parser = wasmParser();
  copyIn(parser, page);
  const rc = parser.exports.nvmeHealth(page.length);
  if (rc < 0) throw new PageParseError(rc, "the NVMe health log page", options);
  const out = parser.out;
  const { u32 } = parser.views();
  const w = out >>> 2;
  const c = w + 16;
  return {
    criticalWarning: u32[w]!,
    temperatureKelvin: u32[w + 1]!,
    availableSpare: u32[w + 2]!,
    availableSpareThreshold: u32[w + 3]!,
    percentageUsed: u32[w + 4]!,
    enduranceGroupWarning: u32[w + 5]!,
    dataUnitsRead: u128(u32, c),
    dataUnitsWritten: u128(u32, c + 4),
    hostReads: u128(u32, c + 8),
    hostWrites: u128(u32, c + 12),
    controllerBusyTime: u128(u32, c + 16),
    powerCycles: u128(u32, c + 20),
    powerOnHours: u128(u32, c + 24),
    unsafeShutdowns: u128(u32, c + 28),
    mediaErrors: u128(u32, c + 32),
    numErrLogEntries: u128(u32, c + 36),
    warningTempTime: u32[w + 6]!,
    criticalCompTime: u32[w + 7]!,
    temperatureSensors: Array.from(u32.subarray(w + 8, w + 16)),
  };
}
