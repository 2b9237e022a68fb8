/**
 * Builds Bynar's normalized {@linkcode SmartReport} from raw ATA pages with the WASM
 * parser: the `ataParser` plugged into `readSmart` so `bynar smart` and the inventory use
 * the WASM parser by default, with libatasmart as reference and fallback.
 *
 * Attribute names, units and pretty values follow libatasmart 0.19's table (names are
 * what Bynar's policy keys on); drive-specific quirks from libatasmart's quirk database
 * are applied for the attributes listed in {@linkcode attributeInfo}.
 *
 * @module
 */
import type { NvmeHealth, SmartAttribute, SmartReport } from "../model.ts";
import { unavailableReport } from "../model.ts";
import type { AtaSmartPages } from "./skdump.ts";
import { parseAtaIdentifyWasm, parseAtaSmartWasm } from "./parse.ts";
import type { AtaAttribute, NvmeHealthLog } from "./types.ts";
import { formatPrettyValue } from "../../../ffi/libatasmart/mod.ts";

/** Unit of a pretty value, as libatasmart names it. */
export type PrettyUnit = "unknown" | "none" | "ms" | "sectors" | "mK" | "percent" | "MB";

const U: PrettyUnit = "unknown";
const N: PrettyUnit = "none";
const MS: PrettyUnit = "ms";
const S: PrettyUnit = "sectors";
const MK: PrettyUnit = "mK";
const P: PrettyUnit = "percent";
const MB: PrettyUnit = "MB";

/** libatasmart 0.19's attribute table: id → [name, unit]. */
const TABLE: Record<number, [string, PrettyUnit]> = {
  1: ["raw-read-error-rate", N],
  2: ["throughput-performance", U],
  3: ["spin-up-time", MS],
  4: ["start-stop-count", N],
  5: ["reallocated-sector-count", S],
  6: ["read-channel-margin", U],
  7: ["seek-error-rate", N],
  8: ["seek-time-performance", U],
  9: ["power-on-hours", MS],
  10: ["spin-retry-count", N],
  11: ["calibration-retry-count", N],
  12: ["power-cycle-count", N],
  13: ["read-soft-error-rate", N],
  170: ["available-reserved-space", P],
  171: ["program-fail-count", N],
  172: ["erase-fail-count", N],
  175: ["program-fail-count-chip", N],
  176: ["erase-fail-count-chip", N],
  177: ["wear-leveling-count", N],
  178: ["used-reserved-blocks-chip", N],
  179: ["used-reserved-blocks-total", N],
  180: ["unused-reserved-blocks", N],
  181: ["program-fail-count-total", N],
  182: ["erase-fail-count-total", N],
  183: ["runtime-bad-block-total", N],
  184: ["end-to-end-error", N],
  187: ["reported-uncorrect", S],
  188: ["command-timeout", N],
  189: ["high-fly-writes", N],
  190: ["airflow-temperature-celsius", MK],
  191: ["g-sense-error-rate", N],
  192: ["power-off-retract-count", N],
  193: ["load-cycle-count", N],
  194: ["temperature-celsius-2", MK],
  195: ["hardware-ecc-recovered", N],
  196: ["reallocated-event-count", N],
  197: ["current-pending-sector", S],
  198: ["offline-uncorrectable", S],
  199: ["udma-crc-error-count", N],
  200: ["multi-zone-error-rate", N],
  201: ["soft-read-error-rate", N],
  202: ["ta-increase-count", N],
  203: ["run-out-cancel", U],
  204: ["shock-count-write-open", N],
  205: ["shock-rate-write-open", N],
  206: ["flying-height", U],
  207: ["spin-high-current", U],
  208: ["spin-buzz", U],
  209: ["offline-seek-performance", U],
  220: ["disk-shift", U],
  221: ["g-sense-error-rate-2", N],
  222: ["loaded-hours", MS],
  223: ["load-retry-count", N],
  224: ["load-friction", U],
  225: ["load-cycle-count-2", N],
  226: ["load-in-time", MS],
  227: ["torq-amp-count", N],
  228: ["power-off-retract-count-2", N],
  230: ["head-amplitude", U],
  231: ["temperature-celsius", MK],
  232: ["endurance-remaining", P],
  233: ["power-on-seconds-2", U],
  234: ["uncorrectable-ecc-count", S],
  235: ["good-block-rate", U],
  240: ["head-flying-hours", MS],
  241: ["total-lbas-written", MB],
  242: ["total-lbas-read", MB],
  250: ["read-error-retry-rate", N],
};

const FUJITSU_SECONDS =
  /^(FUJITSU M1623TAU|FUJITSU MHG2...ATU?.*|FUJITSU MHH2...ATU?.*|FUJITSU MHJ2...ATU?.*|FUJITSU MHK2...ATU?.*|FUJITSU MHL2300AT|FUJITSU MHM2(20|15|10|06)0AT|FUJITSU MHN2...AT|FUJITSU MHR2020AT|FUJITSU MHT2...(AH|AS|AT|BH)U?.*|FUJITSU MHU2...ATU?.*|FUJITSU MHV2...(AH|AS|AT|BH|BS|BT).*|FUJITSU MP[A-G]3...A[HTEV]U?.*)$/;

/**
 * Quirk overrides (libatasmart 0.19's quirk database, the entries whose effect is known):
 * model regexp, optional firmware regexp, id → [name, unit] (null = unknown attribute).
 */
const QUIRKS: [RegExp, RegExp | null, Record<number, [string, PrettyUnit] | null>][] = [
  [/^FUJITSU MHR2040AT$/, null, {
    9: ["power-on-seconds", MS],
    192: ["emergency-retract-cycle-count", N],
    200: ["write-error-count", N],
  }],
  [/^FUJITSU MHS20[6432]0AT( {2}.)?$/, null, {
    9: ["power-on-seconds", MS],
    192: ["emergency-retract-cycle-count", N],
    200: ["write-error-count", N],
    201: ["detected-ta-count", N],
  }],
  [/^(FUJITSU MHY2120BH|FUJITSU MHY2250BH)$/, /^0085000B$/, {
    9: ["power-on-minutes", MS],
    197: null,
    198: null,
  }],
  [FUJITSU_SECONDS, null, { 9: ["power-on-seconds", MS] }],
  [/^(SAMSUNG SV4012H|SAMSUNG SP(0451|08[0124]2|12[0145]3|16[0145]4)[CN])$/, null, {
    9: ["power-on-half-minutes", MS],
  }],
  [/^(SAMSUNG SV0412H|SAMSUNG SV1204H)$/, null, {
    9: ["power-on-half-minutes", MS],
    194: ["temperature-centi-celsius", MK],
  }],
  [/^SAMSUNG SP40A2H$/, /^RR100-07$/, { 9: ["power-on-half-minutes", MS] }],
  [/^SAMSUNG SP80A4H$/, /^RT100-06$/, { 9: ["power-on-half-minutes", MS] }],
  [/^SAMSUNG SP8004H$/, /^QW100-61$/, { 9: ["power-on-half-minutes", MS] }],
  [/^MCCOE64GEMPP$/, /^2.9.0[3-9]$/, { 5: null, 190: null }],
  [
    /^(Maxtor 2B0(0[468]|1[05]|20)H1|Maxtor 4G(120J6|160J[68])|Maxtor 4D0(20H1|40H2|60H3|80H4))$/,
    null,
    { 9: ["power-on-minutes", MS], 194: null },
  ],
  [/^(HITACHI_DK14FA-20B|HITACHI_DK23..-..B?|HITACHI_DK23FA-20J|HTA422020F9AT[JN]0)$/, null, {
    9: ["power-on-minutes", MS],
    193: ["load-unload-cycle-count", N],
  }],
  [/Maxtor|MAXTOR/, null, { 9: ["power-on-minutes", MS] }],
];

/**
 * Looks up an attribute's libatasmart name and unit for a drive.
 *
 * @param id The attribute id.
 * @param drive Model and firmware, for the quirk database.
 * @returns Name and pretty unit (`attribute-<id>`/`unknown` when not in the table).
 */
export function attributeInfo(
  id: number,
  drive: { model: string; firmware: string },
): { name: string; unit: PrettyUnit } {
  for (const [model, fw, overrides] of QUIRKS) {
    if (!model.test(drive.model) || (fw && !fw.test(drive.firmware))) continue;
    if (id in overrides) {
      const o = overrides[id];
      return o ? { name: o[0], unit: o[1] } : { name: `attribute-${id}`, unit: "unknown" };
    }
    break;
  }
  const t = TABLE[id];
  return t ? { name: t[0], unit: t[1] } : { name: `attribute-${id}`, unit: "unknown" };
}

/**
 * libatasmart's pretty value of an attribute (ms, mK, sectors, percent or plain count).
 *
 * @param a The parsed attribute.
 * @param name Its libatasmart name.
 * @param unit Its unit.
 * @returns The pretty value, or null when the unit is unknown.
 */
export function prettyValue(a: AtaAttribute, name: string, unit: PrettyUnit): bigint | null {
  if (unit === "unknown") return null;
  const raw = BigInt(a.raw);
  const low16 = raw & 0xffffn;
  const low32 = raw & 0xffffffffn;
  let value: bigint;
  switch (name) {
    case "spin-up-time":
      value = low16;
      break;
    case "airflow-temperature-celsius":
    case "temperature-celsius":
    case "temperature-celsius-1":
    case "temperature-celsius-2":
      value = low16 * 1000n + 273150n;
      break;
    case "temperature-centi-celsius":
      value = low16 * 100n + 273150n;
      break;
    case "power-on-minutes":
      value = low32 * 60000n;
      break;
    case "power-on-seconds":
      value = low32 * 1000n;
      break;
    case "power-on-half-minutes":
      value = low32 * 30000n;
      break;
    case "power-on-hours":
    case "loaded-hours":
    case "head-flying-hours":
      value = low32 * 3600000n;
      break;
    default:
      value = unit === "sectors" ? low32 : unit === "percent" ? BigInt(a.current) : raw;
  }
  // libatasmart 0.19 drops implausible times: zero, or an all-ones 32-bit raw value.
  if (unit === "ms" && (value === 0n || low32 === 0xffffffffn)) return null;
  return value;
}

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
    const info = attributeInfo(a.id, drive);
    const pretty = prettyValue(a, info.name, info.unit);
    if (
      pretty !== null &&
      (info.name === "reallocated-sector-count" || info.name === "current-pending-sector")
    ) {
      badSectors = (badSectors ?? 0n) + pretty;
    }
    if (a.prefailure && a.goodNowValid && !a.goodNow) badNow = true;
    if (a.prefailure && a.goodInThePastValid && !a.goodInThePast) badPast = true;
    if (pretty !== null && info.unit === "ms" && /^power-on-/.test(info.name)) {
      if (powerOnMs === null || pretty > powerOnMs) powerOnMs = pretty;
    }
    if (pretty !== null && info.unit === "mK" && /temperature/.test(info.name)) {
      if (tempMk === null || pretty > tempMk) tempMk = pretty;
    }
    if (info.name === "power-cycle-count") powerCycles = a.raw;
    return {
      id: a.id,
      name: info.name,
      current: a.current,
      worst: a.worst,
      threshold: a.thresholdValid ? a.threshold : null,
      raw: a.raw,
      prefailure: a.prefailure,
      online: a.online,
      flags: a.flags,
      rawExact: String(a.raw),
      pretty: pretty === null ? "n/a" : formatPrettyValue(pretty, info.unit),
      ...(pretty === null
        ? { count: null }
        : info.unit === "sectors" || info.unit === "none"
        ? { count: String(pretty) }
        : {}),
    };
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

/**
 * Converts a parsed NVMe health log page into the report model (counters as exact
 * decimal strings; temperature kelvin → Celsius like smartctl).
 *
 * @param log The parsed page (see `parseNvmeHealthWasm`).
 * @returns The model's NVMe health.
 */
export function nvmeHealthFromLog(log: NvmeHealthLog): NvmeHealth {
  return {
    criticalWarning: log.criticalWarning,
    temperatureCelsius: log.temperatureKelvin === 0 ? null : log.temperatureKelvin - 273,
    availableSpare: log.availableSpare,
    availableSpareThreshold: log.availableSpareThreshold,
    percentageUsed: log.percentageUsed,
    mediaErrors: String(log.mediaErrors),
    numErrLogEntries: String(log.numErrLogEntries),
    powerOnHours: String(log.powerOnHours),
    unsafeShutdowns: String(log.unsafeShutdowns),
    powerCycles: String(log.powerCycles),
    dataUnitsRead: String(log.dataUnitsRead),
    dataUnitsWritten: String(log.dataUnitsWritten),
  };
}

/**
 * Builds the report for an NVMe drive from its parsed SMART / Health Information log,
 * with the fields `smartctl --json -a` derives from the same page: the overall status is
 * `critical_warning == 0` (smartctl: any warning bit, including unknown ones, is FAILED),
 * the temperature is absent when the composite temperature is 0 K, and power-on hours
 * only when the 128-bit counter fits a safe integer.
 *
 * @param log The parsed page (see `parseNvmeHealthWasm`).
 * @param options The device and the drive's identity (from sysfs).
 * @returns A report with `source: "wasm"` and `protocol: "NVMe"`.
 */
export function nvmeReportFromLog(
  log: NvmeHealthLog,
  options: { device: string; identify: SmartReport["identify"] },
): SmartReport {
  const nvme = nvmeHealthFromLog(log);
  const safe = (v: bigint) => (v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : null);
  return {
    source: "wasm",
    protocol: "NVMe",
    device: options.device,
    identify: options.identify,
    smartStatusGood: log.criticalWarning === 0,
    attributes: [],
    nvme,
    scsi: null,
    powerOnHours: safe(log.powerOnHours),
    temperatureCelsius: nvme.temperatureCelsius,
    smartctlExitStatus: null,
    unavailableReason: null,
    powerCycles: Number(log.powerCycles),
    messages: [],
  };
}
