/**
 * Builds Bynar's normalized {@linkcode SmartReport} from raw ATA pages with the WASM
 * parser: the `ataParser` plugged into `readSmart` so `bynar smart` and the inventory use
 * the WASM parser by default, with libatasmart as reference and fallback.
 *
 * Attribute names, units and pretty values follow libatasmart 0.19's table (names are
 * what Bynar's policy keys on); drive-specific quirks from libatasmart's quirk database
 * are applied (see `attributes.ts`).
 *
 * @module
 */
import type { SmartAttribute, SmartReport } from "../model.ts";
import { unavailableReport } from "../model.ts";
import type { AtaSmartPages } from "./skdump.ts";
import { parseAtaIdentifyWasm, parseAtaSmartWasm } from "./parse.ts";
import { interpretAttribute, toSmartAttribute } from "./attributes.ts";

/**
 * Decodes the `SMST` section (big-endian u32, non-zero = good).
 *
 * @param status The 4 status bytes, or null.
 * @returns True good, false failing, null when absent.
 */
export function ataStatusGood(status: Uint8Array | null): boolean | null {
  if (!status || status.length < 4) return null;
  return (status[0]! | status[1]! | status[2]! | status[3]!) !== 0;
}

/**
 * Parses libatasmart's raw pages with the WASM parser into a normalized report.
 *
 * @param pages IDENTIFY, status, SMART data and thresholds pages.
 * @param options The device path or file name for the report.
 * @returns The report with `source: "wasm"`.
 * @throws {PageParseError} When a page is truncated.
 */
export function wasmAtaPagesParser(
  pages: AtaSmartPages,
  options: { device: string },
): SmartReport {
  const { device } = options;
  const id = pages.identify ? parseAtaIdentifyWasm(pages.identify, { device }) : null;
  const identify = id && { model: id.model, serial: id.serial, firmware: id.firmware, wwn: id.wwn };
  if (!pages.data) {
    return {
      ...unavailableReport(device, `SMART is not available for "${device}": no SMART data page`),
      source: "wasm",
      protocol: "ATA",
      identify,
    };
  }
  const smart = parseAtaSmartWasm(pages.data, pages.thresholds, { device });
  const drive = { model: id?.model ?? "", firmware: id?.firmware ?? "" };
  let powerOnMs: bigint | null = null;
  let tempMk: bigint | null = null;
  let powerCycles: number | null = null;
  let badSectors: bigint | null = null;
  let badNow = false;
  let badPast = false;
  const attributes = smart.attributes.map((a): SmartAttribute => {
    const how = interpretAttribute(a, drive);
    const { name, unit, pretty } = how;
    if (
      pretty !== null && (name === "reallocated-sector-count" || name === "current-pending-sector")
    ) {
      badSectors = (badSectors ?? 0n) + pretty;
    }
    if (a.prefailure && a.goodNowValid && !a.goodNow) badNow = true;
    if (a.prefailure && a.goodInThePastValid && !a.goodInThePast) badPast = true;
    if (pretty !== null && unit === "ms" && /^power-on-/.test(name)) {
      if (powerOnMs === null || pretty > powerOnMs) powerOnMs = pretty;
    }
    if (pretty !== null && unit === "mK" && /temperature/.test(name)) {
      if (tempMk === null || pretty > tempMk) tempMk = pretty;
    }
    if (name === "power-cycle-count") powerCycles = a.raw;
    return toSmartAttribute(a, how);
  });
  const status = ataStatusGood(pages.status);
  const ms = powerOnMs as bigint | null;
  const mk = tempMk as bigint | null;
  return {
    source: "wasm",
    protocol: "ATA",
    device,
    identify,
    smartStatusGood: status,
    attributes,
    nvme: null,
    scsi: null,
    powerOnHours: ms === null ? null : Number(ms / 3_600_000n),
    temperatureCelsius: mk === null ? null : Math.round(Number(mk - 273_150n) / 100) / 10,
    smartctlExitStatus: null,
    unavailableReason: null,
    powerCycles,
    ataOverall: overall(status, badSectors, badNow, badPast, id?.userSectors ?? 0),
  };
}

/**
 * libatasmart's overall verdict (`sk_disk_smart_get_overall`) from the parsed facts.
 *
 * @param status SMART status.
 * @param badSectors Reallocated + pending sectors, or null when neither is reported.
 * @param badNow A pre-failure attribute is at or below its threshold now.
 * @param badPast A pre-failure attribute's worst value is at or below its threshold.
 * @param sectors The drive's size in sectors (for the "many bad sectors" threshold).
 * @returns The verdict name, or null when the status is unknown.
 */
function overall(
  status: boolean | null,
  badSectors: bigint | null,
  badNow: boolean,
  badPast: boolean,
  sectors: number,
): string | null {
  if (status === null) return null;
  if (!status) return "BAD_STATUS";
  const threshold = BigInt(Math.floor(Math.log2(Math.max(sectors, 1))) * 1024);
  const bad = badSectors ?? 0n;
  if (bad >= threshold && badSectors !== null && threshold > 0n) return "BAD_SECTOR_MANY";
  if (badNow) return "BAD_ATTRIBUTE_NOW";
  if (bad > 0n) return "BAD_SECTOR";
  if (badPast) return "BAD_ATTRIBUTE_IN_THE_PAST";
  return "GOOD";
}
