/**
 * ATA SMART through libatasmart: turns an {@linkcode AtaSmartDisk} into a normalized
 * {@linkcode SmartReport}, or hands its raw pages to a pluggable page parser.
 *
 * @module
 */
import { AtaSmartDisk, type SkParsedAttribute } from "../../../ffi/libatasmart/mod.ts";
import type { SmartReport } from "../model.ts";
import { unavailableReport } from "../model.ts";
import { type AtaSmartPages, parseSkdump } from "./skdump.ts";
import { ParseError } from "../../errors.ts";
import { wasmAtaPagesParser } from "./report.ts";
import { prettyUnitFromLibatasmart, toSmartAttribute } from "./attributes.ts";
import type { AtaAttribute } from "./types.ts";

/** The default page parser: the WASM parser (libatasmart's own parsing is the fallback). */
export const DEFAULT_ATA_PARSER: AtaPagesParser = wasmAtaPagesParser;

/**
 * A parser of raw ATA pages (IDENTIFY, SMART data, thresholds, status) into a report.
 * libatasmart's own parsing is the default; another parser (e.g. the WASM one) can be
 * plugged in through `readSmart(path, { ataParser })`.
 */
export type AtaPagesParser = (pages: AtaSmartPages, options: { device: string }) => SmartReport;

/** Opens libatasmart disks; tests may inject another. */
export interface AtaOpener {
  /**
   * Opens a device.
   *
   * @param path The device path.
   * @returns The disk.
   */
  open(path: string): Promise<AtaSmartDisk>;
}

/** The real opener. */
export const LIBATASMART_OPENER: AtaOpener = { open: (path) => AtaSmartDisk.open(path) };

/**
 * libatasmart's parsed attribute as the one {@linkcode AtaAttribute} shape every parser
 * produces.
 */
function fromLibatasmart(a: SkParsedAttribute): AtaAttribute {
  return {
    id: a.id,
    flags: a.flags,
    prefailure: a.prefailure,
    online: a.online,
    current: a.current,
    currentValid: a.currentValid,
    worst: a.worst,
    worstValid: a.worstValid,
    raw: a.raw,
    rawBytes: [...a.rawBytes],
    threshold: a.thresholdValid ? a.threshold : null,
    thresholdValid: a.thresholdValid,
    goodNow: a.goodNow ?? false,
    goodNowValid: a.goodNow !== null,
    goodInThePast: a.goodInThePast ?? false,
    goodInThePastValid: a.goodInThePast !== null,
  };
}

/**
 * Builds a report from an open libatasmart disk with libatasmart's own parsing.
 *
 * @param disk The open disk (device or blob).
 * @param device The device path or file name for the report.
 * @returns The report (`unavailableReason` set when the drive has SMART off or absent).
 * @throws {FfiError} When libatasmart fails to parse data it claims to have.
 */
export async function reportFromAtaDisk(disk: AtaSmartDisk, device: string): Promise<SmartReport> {
  const identify = disk.identify();
  if (!disk.smartAvailable()) {
    return {
      ...unavailableReport(
        device,
        `SMART is not available for "${device}": the drive does not support SMART or has it disabled`,
      ),
      source: "libatasmart",
      protocol: "ATA",
      identify: identify && { ...identify, wwn: null },
    };
  }
  const status = await disk.smartStatus();
  const attributes = disk.attributes().map((a) => {
    const unit = prettyUnitFromLibatasmart(a.prettyUnitCode);
    const pretty = unit === "unknown" ? null : a.prettyValue;
    return toSmartAttribute(fromLibatasmart(a), { name: a.name, unit, pretty });
  });
  const mk = disk.temperatureMilliKelvin();
  const ms = disk.powerOnMs();
  return {
    source: "libatasmart",
    protocol: "ATA",
    device,
    identify: identify && { ...identify, wwn: null },
    smartStatusGood: status,
    attributes,
    nvme: null,
    scsi: null,
    powerOnHours: ms === null ? null : Math.floor(ms / 3_600_000),
    temperatureCelsius: mk === null ? null : Math.round((mk - 273_150) / 100) / 10,
    smartctlExitStatus: null,
    unavailableReason: null,
    powerCycles: disk.powerCycles(),
    ataOverall: disk.overall()?.name ?? null,
  };
}

/**
 * Builds a report from an open disk's raw pages with a plugged-in parser. The SMART status
 * is queried first so that the pages include it (SMST section).
 *
 * @param disk The open disk.
 * @param device The device path or file name.
 * @param parser The page parser.
 * @returns The parser's report.
 * @throws {FfiError} When libatasmart cannot produce the blob.
 * @throws {ParseError} When the blob is malformed.
 */
export async function reportFromAtaPages(
  disk: AtaSmartDisk,
  device: string,
  parser: AtaPagesParser,
): Promise<SmartReport> {
  await disk.smartStatus();
  try {
    return parser(parseSkdump(disk.getBlob(), { name: device }), { device });
  } catch (err) {
    if (err instanceof ParseError) return await reportFromAtaDisk(disk, device); // fallback
    throw err;
  }
}

/**
 * Reads a saved dump (`skdump --save` format) through the real libatasmart.
 *
 * @param blob The dump bytes.
 * @param options `name` for the report's device field; `ataParser` to parse the pages with
 *   (default {@linkcode DEFAULT_ATA_PARSER}, the WASM parser; `null` = libatasmart's own).
 * @returns The report.
 * @throws {FfiError} When libatasmart rejects the dump.
 */
export async function readAtaBlob(
  blob: Uint8Array,
  options: { name?: string; ataParser?: AtaPagesParser | null } = {},
): Promise<SmartReport> {
  const name = options.name ?? "<blob>";
  using disk = AtaSmartDisk.fromBlob(blob, { name });
  const parser = options.ataParser === undefined ? DEFAULT_ATA_PARSER : options.ataParser;
  return parser
    ? await reportFromAtaPages(disk, name, parser)
    : await reportFromAtaDisk(disk, name);
}
