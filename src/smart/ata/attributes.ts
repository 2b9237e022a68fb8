/**
 * ATA SMART attributes: libatasmart 0.19's attribute table and quirk database (names,
 * units, pretty values), skdump's formatting of pretty values, and the one mapping of a
 * parsed attribute to the report model's {@linkcode SmartAttribute}.
 *
 * Pure: no I/O.
 *
 * @module
 */
import type { SmartAttribute } from "../model.ts";
import type { AtaAttribute } from "./types.ts";

/** Unit of an attribute's pretty value (libatasmart's `SkSmartAttributeUnit`, in enum order). */
export type PrettyUnit =
  | "unknown"
  | "none"
  | "ms"
  | "sectors"
  | "mK"
  | "small-percent"
  | "percent"
  | "MB";

/** libatasmart's `SkSmartAttributeUnit` values, in enum order. */
const LIBATASMART_UNITS: readonly PrettyUnit[] = [
  "unknown",
  "none",
  "ms",
  "sectors",
  "mK",
  "small-percent",
  "percent",
  "MB",
];

/**
 * Names libatasmart's `SkSmartAttributeUnit` enum value.
 *
 * @param code The enum value from `SkSmartAttributeParsedData.pretty_unit`.
 * @returns The unit (`unknown` for values outside the enum).
 */
export function prettyUnitFromLibatasmart(code: number): PrettyUnit {
  return LIBATASMART_UNITS[code] ?? "unknown";
}

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
 * Formats a pretty value the way libatasmart's `skdump` prints it.
 *
 * @param value The pretty value.
 * @param unit Its unit.
 * @returns E.g. `10.2 months`, `47.0 C`, `1 sectors`, `n/a`.
 */
export function formatPrettyValue(value: bigint, unit: PrettyUnit): string {
  const n = Number(value);
  switch (unit) {
    case "ms": {
      const steps: [number, string][] = [
        [365 * 24 * 3600_000, "years"],
        [30 * 24 * 3600_000, "months"],
        [24 * 3600_000, "days"],
        [3600_000, "h"],
        [60_000, "min"],
        [1000, "s"],
      ];
      for (const [ms, name] of steps) {
        if (n >= ms) return `${(n / ms).toFixed(1)} ${name}`;
      }
      return `${value} ms`;
    }
    case "mK":
      return `${((n - 273150) / 1000).toFixed(1)} C`;
    case "sectors":
      return `${value} sectors`;
    case "percent":
      return `${value}%`;
    case "small-percent":
      return `${n.toFixed(3)}%`;
    case "MB":
      if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)} TB`;
      if (n >= 1000) return `${(n / 1000).toFixed(1)} GB`;
      return `${value} MB`;
    case "none":
      return `${value}`;
    default:
      return "n/a";
  }
}

/** How a source interprets one attribute: its name, unit and pretty value. */
export interface AttributeInterpretation {
  /** libatasmart-style name, e.g. `reallocated-sector-count`, or `attribute-<id>`. */
  name: string;
  /** Unit of `pretty`. */
  unit: PrettyUnit;
  /** The interpreted value in `unit`, or null when the unit or value is unknown. */
  pretty: bigint | null;
}

/**
 * Interprets an attribute with Bynar's copy of libatasmart 0.19's table and quirks.
 *
 * @param a The parsed attribute.
 * @param drive Model and firmware, for the quirk database.
 * @returns Name, unit and pretty value.
 */
export function interpretAttribute(
  a: AtaAttribute,
  drive: { model: string; firmware: string },
): AttributeInterpretation {
  const info = attributeInfo(a.id, drive);
  return { name: info.name, unit: info.unit, pretty: prettyValue(a, info.name, info.unit) };
}

/**
 * The one mapping of a parsed ATA attribute slot to the report model's
 * {@linkcode SmartAttribute}, whichever source parsed the page (WASM or libatasmart).
 *
 * @param a The parsed attribute.
 * @param how Its interpretation (name, unit, pretty value).
 * @returns The report attribute; `count` is the pretty value for counter-like units and
 *   null when the unit is unknown.
 */
export function toSmartAttribute(a: AtaAttribute, how: AttributeInterpretation): SmartAttribute {
  const { pretty, unit } = how;
  return {
    id: a.id,
    name: how.name,
    current: a.current,
    worst: a.worst,
    threshold: a.thresholdValid ? a.threshold : null,
    raw: a.raw,
    prefailure: a.prefailure,
    online: a.online,
    flags: a.flags,
    rawExact: String(a.raw),
    pretty: pretty === null ? "n/a" : formatPrettyValue(pretty, unit),
    ...(pretty === null || unit === "unknown"
      ? { count: null }
      : unit === "sectors" || unit === "none"
      ? { count: String(pretty) }
      : {}),
  };
}
